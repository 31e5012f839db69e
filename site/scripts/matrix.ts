// Progressive enhancement of the matrix and compare pages: filters, operator choice and "only
// differences", kept in the URL so a view can be shared. Without JavaScript the full table shows.

type Support = 'full' | 'partial' | 'none' | 'unknown';
const SUPPORTS: Support[] = ['full', 'partial', 'none', 'unknown'];

export interface MatrixState {
  q: string;
  category: string;
  main: boolean;
  /** Rows kept when a shown operator has one of these; empty means no support filter. */
  support: Support[];
  /** Operators shown, in order; empty means all. */
  operators: string[];
  diff: boolean;
}

export function readState(search: string): MatrixState {
  const params = new URLSearchParams(search);
  const list = (name: string) => (params.get(name) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return {
    q: params.get('q') ?? '',
    category: params.get('category') ?? '',
    main: params.get('main') === '1',
    support: list('support').filter((s): s is Support => (SUPPORTS as string[]).includes(s)),
    operators: list('operators'),
    diff: params.get('diff') === '1',
  };
}

export function writeState(state: MatrixState): string {
  const params = new URLSearchParams();
  if (state.operators.length) params.set('operators', state.operators.join(','));
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
  /** The row's cells by operator: support and displayed value. */
  readonly cells: Map<string, { support: string; value: string }>;
}

interface Table {
  readonly rows: Row[];
  readonly groups: HTMLTableSectionElement[];
  readonly byOperator: Map<string, HTMLElement[]>;
  readonly operators: string[];
}

/** Reads the table once; filtering then only compares strings and flips `hidden` where it changes. */
function indexTable(table: HTMLTableElement): Table {
  const byOperator = new Map<string, HTMLElement[]>();
  for (const element of table.querySelectorAll<HTMLElement>('[data-op]')) {
    const op = element.dataset['op']!;
    if (!byOperator.has(op)) byOperator.set(op, []);
    byOperator.get(op)!.push(element);
  }
  const rows = [...table.querySelectorAll<HTMLTableRowElement>('tr[data-f]')].map((element) => ({
    element,
    category: element.dataset['c'] ?? '',
    main: element.dataset['main'] === '1',
    text: element.dataset['q'] ?? '',
    group: element.parentElement as HTMLTableSectionElement,
    cells: new Map([...element.querySelectorAll<HTMLTableCellElement>('td[data-op]')].map((c) => [c.dataset['op']!, { support: c.dataset['s'] ?? '', value: c.dataset['v'] ?? '' }])),
  }));
  return { rows, groups: [...table.querySelectorAll<HTMLTableSectionElement>('tbody[data-category]')], byOperator, operators: [...byOperator.keys()] };
}

const setHidden = (element: HTMLElement, hidden: boolean) => {
  if (element.hidden !== hidden) element.hidden = hidden;
};

/** Shows the rows and columns the state asks for; returns what is shown. */
export function applyState(table: Table, state: MatrixState): { rows: number; operators: number } {
  const shown = state.operators.length ? state.operators.filter((op) => table.byOperator.has(op)) : table.operators;
  const visible = new Set(shown);
  for (const [op, elements] of table.byOperator) for (const element of elements) setHidden(element, !visible.has(op));
  const q = state.q.trim().toLowerCase();
  const support = new Set<string>(state.support);
  // The category is applied to whole groups, so that changing it touches 13 elements, not 101.
  const groupsWithRows = new Set<HTMLTableSectionElement>();
  let rows = 0;
  for (const row of table.rows) {
    const cells = shown.map((op) => row.cells.get(op)).filter((c) => c !== undefined);
    let show = (!state.main || row.main) && (!q || row.text.includes(q)) && (support.size === 0 || cells.some((c) => support.has(c.support)));
    if (show && state.diff) show = new Set(cells.map((c) => `${c.support}|${c.value}`)).size > 1;
    setHidden(row.element, !show);
    if (show) {
      groupsWithRows.add(row.group);
      if (!state.category || row.category === state.category) rows++;
    }
  }
  for (const group of table.groups) setHidden(group, !groupsWithRows.has(group) || (state.category !== '' && group.dataset['category'] !== state.category));
  return { rows, operators: shown.length };
}

function checkedValues(form: HTMLFormElement, name: string): string[] {
  return [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((i) => i.value);
}

/** Wires a filter form to a table. `compare` limits the choice to two to six operators. */
export function enhanceMatrix(form: HTMLFormElement, tableElement: HTMLTableElement, status: HTMLElement, options: { compare: boolean }): void {
  const table = indexTable(tableElement);
  const total = table.rows.length;
  const set = (name: string, value: string | boolean) => {
    const control = form.elements.namedItem(name);
    if (control instanceof HTMLInputElement && control.type === 'checkbox') control.checked = value === true;
    else if (control instanceof HTMLInputElement || control instanceof HTMLSelectElement) control.value = String(value);
  };

  const state = readState(location.search);
  if (options.compare && state.operators.length < 2) state.operators = table.operators.slice(0, 2);
  set('q', state.q);
  set('category', state.category);
  set('main', state.main);
  set('diff', state.diff);
  for (const input of form.querySelectorAll<HTMLInputElement>('input[name="support"]')) input.checked = (state.support as string[]).includes(input.value);
  const chosen = state.operators.length ? state.operators : table.operators;
  for (const input of form.querySelectorAll<HTMLInputElement>('input[name="operators"]')) input.checked = chosen.includes(input.value);

  const render = (push: boolean) => {
    const next: MatrixState = {
      q: (form.elements.namedItem('q') as HTMLInputElement | null)?.value ?? '',
      category: (form.elements.namedItem('category') as HTMLSelectElement | null)?.value ?? '',
      main: (form.elements.namedItem('main') as HTMLInputElement | null)?.checked ?? false,
      support: checkedValues(form, 'support') as Support[],
      operators: checkedValues(form, 'operators'),
      diff: (form.elements.namedItem('diff') as HTMLInputElement | null)?.checked ?? false,
    };
    if (!options.compare && next.operators.length === table.operators.length) next.operators = [];
    const boxes = [...form.querySelectorAll<HTMLInputElement>('input[name="operators"]')];
    if (options.compare) for (const box of boxes) box.disabled = !box.checked && next.operators.length >= 6;
    const tooFew = options.compare && next.operators.length < 2;
    const shown = applyState(table, tooFew ? { ...next, operators: next.operators, diff: false } : next);
    status.textContent = tooFew
      ? 'Choose at least two operators to compare.'
      : `Showing ${shown.rows} of ${total} features for ${shown.operators} operator${shown.operators === 1 ? '' : 's'}${next.diff ? ', only where they differ' : ''}.`;
    if (push) remember(next);
  };

  // Updating the address is slow in some browsers (tens of milliseconds), so it waits until the
  // visitor pauses; the table itself changes at once.
  let pending: ReturnType<typeof setTimeout> | undefined;
  const remember = (next: MatrixState) => {
    clearTimeout(pending);
    pending = setTimeout(() => history.replaceState(null, '', `${location.pathname}${writeState(next)}${location.hash}`), 150);
  };

  form.addEventListener('input', () => render(true));
  form.addEventListener('change', () => render(true));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    render(true);
  });
  form.addEventListener('reset', () => setTimeout(() => render(true)));
  form.hidden = false;
  render(false);
}
