import { csvRecord } from '../../scripts/lib/csv-safety.ts';

// Progressive enhancement of the matrix and compare pages: filters, operator choice and order,
// "only differences", kept in the address so a view can be shared and Back undoes a change.
// Without JavaScript the full table shows.

type Support = 'full' | 'partial' | 'none' | 'unknown';
const SUPPORTS: Support[] = ['full', 'partial', 'none', 'unknown'];

export interface MatrixState {
  q: string;
  category: string;
  main: boolean;
  /** Rows kept when a shown operator has one of these; empty means no support filter. */
  support: Support[];
  /** Operators shown, in order; undefined means all (the matrix) or the first two (compare). */
  operators: string[] | undefined;
  diff: boolean;
}

/** The state an address asks for, as written (checked against the page by `validState`). */
export function readState(search: string): MatrixState & { readonly unknownSupport: string[] } {
  const params = new URLSearchParams(search);
  const list = (name: string) => (params.get(name) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const support = list('support');
  return {
    q: params.get('q') ?? '',
    category: params.get('category') ?? '',
    main: params.get('main') === '1',
    support: support.filter((s): s is Support => (SUPPORTS as string[]).includes(s)),
    unknownSupport: support.filter((s) => !(SUPPORTS as string[]).includes(s)),
    operators: params.has('operators') ? list('operators') : undefined,
    diff: params.get('diff') === '1',
  };
}

export function writeState(state: MatrixState): string {
  const params = new URLSearchParams();
  if (state.operators) params.set('operators', state.operators.join(','));
  if (state.q) params.set('q', state.q);
  if (state.category) params.set('category', state.category);
  if (state.main) params.set('main', '1');
  if (state.support.length) params.set('support', state.support.join(','));
  if (state.diff) params.set('diff', '1');
  const text = params.toString().replaceAll('%2C', ',');
  return text ? `?${text}` : '';
}

interface Row {
  readonly element: HTMLTableRowElement;
  readonly category: string;
  readonly main: boolean;
  readonly text: string;
  readonly group: HTMLTableSectionElement;
  /** The feature's name link, whose text is marked where the search matches. */
  readonly name: HTMLAnchorElement | null;
  readonly nameText: string;
  /** The row's cells by operator: element, support and displayed value. */
  readonly cells: Map<string, { element: HTMLTableCellElement; support: string; value: string }>;
}

interface Table {
  readonly element: HTMLTableElement;
  readonly rows: Row[];
  readonly groups: HTMLTableSectionElement[];
  readonly headers: Map<string, HTMLTableCellElement>;
  /** Operators in the order the page lists them. */
  readonly operators: string[];
  readonly names: Map<string, string>;
  /** The column order now in the page. */
  order: string[];
  /** Whether cells may carry the "differs" mark. */
  marked: boolean;
}

/** Reads the table once; filtering then only compares strings and flips `hidden` where it changes. */
function indexTable(element: HTMLTableElement): Table {
  const headers = new Map([...element.querySelectorAll<HTMLTableCellElement>('thead th[data-op]')].map((th) => [th.dataset['op']!, th]));
  const rows = [...element.querySelectorAll<HTMLTableRowElement>('tr[data-f]')].map((row) => {
    const name = row.querySelector<HTMLAnchorElement>('th a');
    return {
      element: row,
      category: row.dataset['c'] ?? '',
      main: row.dataset['main'] === '1',
      text: row.dataset['q'] ?? '',
      group: row.parentElement as HTMLTableSectionElement,
      name,
      nameText: name?.textContent ?? '',
      cells: new Map([...row.querySelectorAll<HTMLTableCellElement>('td[data-op]')].map((c) => [c.dataset['op']!, { element: c, support: c.dataset['s'] ?? '', value: c.dataset['v'] ?? '' }])),
    };
  });
  const operators = [...headers.keys()];
  const names = new Map([...headers].map(([id, th]) => [id, th.querySelector('a')?.textContent ?? id]));
  return { element, rows, groups: [...element.querySelectorAll<HTMLTableSectionElement>('tbody[data-category]')], headers, operators, names, order: operators, marked: false };
}

const setHidden = (element: HTMLElement, hidden: boolean) => {
  if (element.hidden !== hidden) element.hidden = hidden;
};

/** Puts the columns in `order` (the others after them), moving cells only when the order changes. */
function orderColumns(table: Table, shown: readonly string[]): void {
  const order = [...shown, ...table.operators.filter((op) => !shown.includes(op))];
  if (order.join() === table.order.join()) return;
  table.order = order;
  const headerRow = table.headers.get(order[0]!)!.parentElement!;
  for (const op of order) headerRow.append(table.headers.get(op)!);
  for (const row of table.rows) for (const op of order) row.element.append(row.cells.get(op)!.element);
}

/** The feature name with each match of the search marked, built from text nodes only. */
function markName(row: Row, q: string): void {
  if (!row.name) return;
  const lower = row.nameText.toLowerCase();
  const at = q ? lower.indexOf(q) : -1;
  if (at < 0) {
    if (row.name.childElementCount > 0) row.name.textContent = row.nameText;
    return;
  }
  const mark = document.createElement('mark');
  mark.textContent = row.nameText.slice(at, at + q.length);
  row.name.replaceChildren(row.nameText.slice(0, at), mark, row.nameText.slice(at + q.length));
}

/** Shows the rows and columns the state asks for; returns what is shown. */
export function applyState(table: Table, state: MatrixState, shown: readonly string[]): { rows: number; operators: number; byCategory: Map<string, number> } {
  const visible = new Set(shown);
  orderColumns(table, shown);
  for (const [op, th] of table.headers) setHidden(th, !visible.has(op));
  const q = state.q.trim().toLowerCase();
  const support = new Set<string>(state.support);
  // The category is applied to whole groups, so that changing it touches 13 elements, not 101.
  const groupsWithRows = new Set<HTMLTableSectionElement>();
  const byCategory = new Map<string, number>();
  let rows = 0;
  for (const row of table.rows) {
    const cells = shown.map((op) => row.cells.get(op)).filter((c) => c !== undefined);
    for (const [op, cell] of row.cells) setHidden(cell.element, !visible.has(op));
    let show = (!state.main || row.main) && (!q || row.text.includes(q)) && (support.size === 0 || cells.some((c) => support.has(c.support)));
    // Only differences: the row shows when its cells differ, and the cells that differ from the
    // most common answer are marked (all of them when no answer is the most common).
    const answers = cells.map((c) => `${c.support}|${c.value}`);
    const counts = new Map<string, number>();
    for (const answer of answers) counts.set(answer, (counts.get(answer) ?? 0) + 1);
    if (show && state.diff) show = counts.size > 1;
    const most = Math.max(0, ...counts.values());
    const common = [...counts].filter(([, n]) => n === most).map(([answer]) => answer);
    if (state.diff || table.marked) cells.forEach((cell, i) => cell.element.classList.toggle('differs', state.diff && show && (common.length !== 1 || answers[i] !== common[0])));
    setHidden(row.element, !show);
    markName(row, show ? q : '');
    if (show) {
      groupsWithRows.add(row.group);
      byCategory.set(row.category, (byCategory.get(row.category) ?? 0) + 1);
      if (!state.category || row.category === state.category) rows++;
    }
  }
  table.marked = state.diff;
  for (const group of table.groups) {
    setHidden(group, !groupsWithRows.has(group) || (state.category !== '' && group.dataset['category'] !== state.category));
    // A fixed-layout table counts columns from its widest row: the category rows span only what is shown.
    const heading = group.querySelector<HTMLTableCellElement>('th[scope="rowgroup"]');
    if (heading && heading.colSpan !== shown.length + 1) heading.colSpan = shown.length + 1;
  }
  return { rows, operators: shown.length, byCategory };
}

function checkedValues(form: HTMLFormElement, name: string): string[] {
  return [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((i) => i.value);
}

const listOf = (names: string[]) => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/** The rows and columns on screen, as the wide CSV has them. */
export function viewCsv(table: Table, shown: readonly string[]): string {
  const header = ['feature', 'feature_name', 'category', 'main', ...shown.map((op) => table.names.get(op) ?? op)];
  const rows = table.rows
    .filter((row) => !row.element.hidden && !row.group.hidden)
    .map((row) => [row.element.dataset['f'] ?? '', row.nameText, row.category, row.main, ...shown.map((op) => row.cells.get(op)?.value ?? '')]);
  return [header, ...rows].map((row) => `${csvRecord(row)}\n`).join('');
}

/** Wires a filter form to a table. `compare` limits the choice to two to six operators. */
export function enhanceMatrix(form: HTMLFormElement, tableElement: HTMLTableElement, status: HTMLElement, options: { compare: boolean }): void {
  const table = indexTable(tableElement);
  const total = table.rows.length;
  const menu = form.querySelector<HTMLElement>('#operator-menu .count');
  const categorySelect = form.elements.namedItem('category') as HTMLSelectElement | null;
  const categoryNames = new Map([...(categorySelect?.options ?? [])].map((o) => [o.value, o.textContent ?? '']));
  const narrow = matchMedia('(max-width: 40rem)');
  // Operators in the order they were chosen (compare keeps it; the matrix keeps the page's).
  let chosen: string[] = [];
  let problems: string[] = [];

  const set = (name: string, value: string | boolean) => {
    const control = form.elements.namedItem(name);
    if (control instanceof HTMLInputElement && control.type === 'checkbox') control.checked = value === true;
    else if (control instanceof HTMLInputElement || control instanceof HTMLSelectElement) control.value = String(value);
  };

  // Compare starts with two operators; so does the matrix on a phone, so that it fits the screen.
  const defaultOperators = () => (options.compare || narrow.matches ? table.operators.slice(0, 2) : table.operators);

  /** Puts a state into the form, dropping (and reporting) what this page does not have. */
  const load = (search: string) => {
    const state = readState(search);
    problems = [];
    if (state.category && !categoryNames.has(state.category)) {
      problems.push(`There is no category "${state.category}"; showing all categories.`);
      state.category = '';
    }
    if (state.unknownSupport.length) problems.push(`Ignored the support level(s) ${listOf(state.unknownSupport.map((s) => `"${s}"`))}; use yes, partial, no or unknown.`);
    if (state.operators) {
      const unknown = state.operators.filter((op) => !table.operators.includes(op));
      if (unknown.length) problems.push(`No operator named ${listOf(unknown.map((s) => `"${s}"`))}; ${unknown.length === 1 ? 'it is' : 'they are'} left out.`);
      state.operators = [...new Set(state.operators.filter((op) => table.operators.includes(op)))];
    }
    if (options.compare && state.operators && state.operators.length < 2) {
      const named = state.operators.map((op) => table.names.get(op)!);
      problems.push(`Comparing needs two to six operators; the address names ${named.length ? `only ${listOf(named)}` : 'none'}. Choose ${named.length ? 'another' : 'two'} under "Operators to compare".`);
    }
    if (options.compare && state.operators && state.operators.length > 6) {
      problems.push('Comparing takes at most six operators; the first six are shown.');
      state.operators = state.operators.slice(0, 6);
    }
    set('q', state.q);
    set('category', state.category);
    set('main', state.main);
    set('diff', state.diff);
    for (const input of form.querySelectorAll<HTMLInputElement>('input[name="support"]')) input.checked = (state.support as string[]).includes(input.value);
    chosen = state.operators ?? defaultOperators();
    for (const input of form.querySelectorAll<HTMLInputElement>('input[name="operators"]')) input.checked = chosen.includes(input.value);
    return state;
  };

  const current = (): MatrixState => {
    const boxes = checkedValues(form, 'operators');
    chosen = [...chosen.filter((op) => boxes.includes(op)), ...boxes.filter((op) => !chosen.includes(op))];
    return {
      q: (form.elements.namedItem('q') as HTMLInputElement | null)?.value ?? '',
      category: categorySelect?.value ?? '',
      main: (form.elements.namedItem('main') as HTMLInputElement | null)?.checked ?? false,
      support: checkedValues(form, 'support') as Support[],
      operators: chosen,
      diff: (form.elements.namedItem('diff') as HTMLInputElement | null)?.checked ?? false,
    };
  };

  const render = () => {
    const next = current();
    const shown = next.operators ?? table.operators;
    const boxes = [...form.querySelectorAll<HTMLInputElement>('input[name="operators"]')];
    if (options.compare) for (const box of boxes) box.disabled = !box.checked && shown.length >= 6;
    const tooFew = options.compare && shown.length < 2;
    const result = applyState(table, tooFew ? { ...next, diff: false } : next, shown);
    if (menu) menu.textContent = `(${shown.length} of ${table.operators.length})`;
    for (const option of categorySelect?.options ?? []) {
      const text = `${categoryNames.get(option.value)} (${result.byCategory.get(option.value) ?? 0})`;
      if (option.value && option.textContent !== text) option.textContent = text;
    }
    const words: string[] = [];
    if (shown.length === 0) words.push(options.compare ? 'Choose two to six operators to compare.' : 'No operator is chosen: choose some under "Operators".');
    else if (tooFew) words.push('Choose at least two operators to compare.');
    else {
      words.push(`Showing ${result.rows} of ${total} features for ${shown.length} operator${shown.length === 1 ? '' : 's'}${next.diff ? ', only where they differ (differing cells are marked)' : ''}.`);
      if (!options.compare && narrow.matches && shown.length < table.operators.length) words.push('Choose others under "Operators".');
    }
    const problem = document.createElement('span');
    problem.className = 'problem';
    problem.textContent = problems.join(' ');
    status.replaceChildren(...(problems.length ? [problem, ' '] : []), words.join(' '));
    return next;
  };

  const address = (state: MatrixState): string => {
    // The matrix's default (every operator, in the page's order) is left out of the address.
    const all = !options.compare && state.operators?.length === table.operators.length && state.operators.every((op, i) => op === table.operators[i]);
    return `${location.pathname}${writeState(all ? { ...state, operators: undefined } : state)}${location.hash}`;
  };
  // Typing in the search box replaces the address once the visitor pauses; a click on a control
  // adds a history entry, so Back undoes it.
  let pending: ReturnType<typeof setTimeout> | undefined;
  const remember = (state: MatrixState, push: boolean) => {
    clearTimeout(pending);
    problems = [];
    const url = address(state);
    if (url === `${location.pathname}${location.search}${location.hash}`) return;
    // After the next frame: writing the address takes some browsers tens of milliseconds.
    if (push) requestAnimationFrame(() => setTimeout(() => history.pushState(null, '', url)));
    else pending = setTimeout(() => history.replaceState(null, '', url), 300);
  };

  form.addEventListener('input', (event) => {
    const typing = (event.target as HTMLInputElement).type === 'search';
    const state = render();
    if (typing) remember(state, false);
  });
  form.addEventListener('change', (event) => {
    const state = render();
    if ((event.target as HTMLInputElement).type !== 'search') remember(state, true);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    remember(render(), true);
  });
  form.addEventListener('reset', () =>
    setTimeout(() => {
      chosen = defaultOperators();
      for (const input of form.querySelectorAll<HTMLInputElement>('input[name="operators"]')) input.checked = chosen.includes(input.value);
      remember(render(), true);
    }),
  );
  addEventListener('popstate', () => {
    load(location.search);
    render();
  });

  // The operator menu closes like other menus: a click elsewhere, or Escape (back to its button).
  const operatorMenu = form.querySelector<HTMLDetailsElement>('details.menu');
  if (operatorMenu) {
    document.addEventListener('click', (event) => {
      if (operatorMenu.open && !operatorMenu.contains(event.target as Node)) operatorMenu.open = false;
    });
    operatorMenu.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || !operatorMenu.open) return;
      operatorMenu.open = false;
      operatorMenu.querySelector('summary')?.focus();
    });
  }

  // "this view": the CSV is made when the link is used, from what is on screen then.
  const viewLink = document.querySelector<HTMLAnchorElement>('.view-download a');
  if (viewLink) {
    viewLink.parentElement!.hidden = false;
    viewLink.addEventListener('click', () => {
      if (viewLink.href.startsWith('blob:')) URL.revokeObjectURL(viewLink.href);
      viewLink.href = URL.createObjectURL(new Blob([viewCsv(table, current().operators ?? table.operators)], { type: 'text/csv' }));
    });
  }

  const initial = load(location.search);
  form.hidden = false;
  render();
  // Whatever the address asked for that this page does not have is dropped from it.
  if (problems.length) history.replaceState(null, '', address({ ...initial, operators: initial.operators ? chosen : undefined }));
}

