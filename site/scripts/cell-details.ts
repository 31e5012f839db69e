// Opens a cell's notes, evidence and knowledge in a panel attached to the cell: below it, or
// above when there is more room there, always inside the window, scrolling with the page; on a
// phone, a sheet along the bottom. The details come from the feature page the cell links to
// (fetched once per feature), so the matrix page stays small and shows exactly what the feature
// page shows. A cell's address (#autfa/cloudnative-pg) opens it.

const pages = new Map<string, Promise<Document>>();

function featurePage(url: string): Promise<Document> {
  let pending = pages.get(url);
  if (!pending) {
    pending = fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(String(response.status));
        return response.text();
      })
      .then((html) => new DOMParser().parseFromString(html, 'text/html'));
    pages.set(url, pending);
  }
  return pending;
}

const MARGIN = 8;
const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(value, high));

/** Places the panel beside the cell, in page coordinates, fully inside the window. */
function place(panel: HTMLElement, cell: HTMLElement): void {
  if (matchMedia('(max-width: 40rem)').matches) {
    // The stylesheet makes it a bottom sheet.
    panel.style.removeProperty('top');
    panel.style.removeProperty('left');
    panel.style.removeProperty('max-height');
    return;
  }
  const rect = cell.getBoundingClientRect();
  const below = innerHeight - rect.bottom - MARGIN;
  const above = rect.top - MARGIN;
  panel.style.maxHeight = '';
  const wanted = panel.offsetHeight;
  const downward = below >= wanted || below >= above;
  const room = Math.max(120, downward ? below - 4 : above - 4);
  panel.style.maxHeight = `${Math.min(room, innerHeight * 0.6)}px`;
  const height = panel.offsetHeight;
  const top = clamp(downward ? rect.bottom + 4 : rect.top - 4 - height, MARGIN, innerHeight - height - MARGIN);
  const left = clamp(rect.left, MARGIN, innerWidth - panel.offsetWidth - MARGIN);
  panel.style.top = `${top + scrollY}px`;
  panel.style.left = `${left + scrollX}px`;
}

export function enhanceCells(table: HTMLTableElement): void {
  const panel = document.getElementById('cell-details');
  if (!panel || !('showPopover' in panel)) return; // Older browsers keep the plain links.
  const title = panel.querySelector<HTMLElement>('#cell-details-title')!;
  const body = panel.querySelector<HTMLElement>('.pop-body')!;
  const more = panel.querySelector<HTMLAnchorElement>('.pop-more')!;
  const address = panel.querySelector<HTMLAnchorElement>('.pop-address')!;
  let opener: HTMLAnchorElement | undefined;
  let openCell: HTMLTableCellElement | undefined;

  const open = (link: HTMLAnchorElement) => {
    opener = link;
    const url = new URL(link.href);
    const rowId = url.hash.slice(1);
    url.hash = '';
    more.href = link.href;
    const cell = link.parentElement as HTMLTableCellElement;
    openCell?.classList.remove('opened');
    openCell = cell;
    cell.classList.add('opened');
    address.href = `#${cell.id}`;
    const row = cell.parentElement as HTMLTableRowElement;
    title.textContent = `${row.querySelector('th a')?.textContent ?? ''} · ${table.querySelector(`thead th[data-op="${cell.dataset['op']}"] a`)?.textContent ?? ''}`;
    body.replaceChildren(document.createTextNode('Loading…'));
    (panel as HTMLElement & { showPopover(): void }).showPopover();
    place(panel, cell);
    featurePage(url.toString())
      .then((page) => {
        const source = page.getElementById(rowId);
        if (!source) throw new Error('missing');
        // Value, knowledge, notes and evidence cells of the feature page's row for this operator.
        const parts = [...source.querySelectorAll('td')].map((td) => document.importNode(td, true));
        const labels = ['Value', 'How much is known', 'Notes and evidence', 'First claimed in'];
        const list = document.createElement('dl');
        parts.forEach((part, i) => {
          const term = document.createElement('dt');
          term.textContent = labels[i] ?? '';
          const detail = document.createElement('dd');
          detail.append(...part.childNodes);
          list.append(term, detail);
        });
        body.replaceChildren(list);
      })
      .catch(() => body.replaceChildren(document.createTextNode('The details could not be loaded; follow the link below.')))
      .finally(() => {
        if (openCell === cell && panel.matches(':popover-open')) place(panel, cell);
      });
    panel.querySelector<HTMLButtonElement>('.close')?.focus({ preventScroll: true });
  };

  table.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('td.cell > a');
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    open(link);
  });
  panel.addEventListener('toggle', (event) => {
    if ((event as ToggleEvent).newState !== 'closed') return;
    openCell?.classList.remove('opened');
    openCell = undefined;
    opener?.focus({ preventScroll: true });
  });
  addEventListener('resize', () => {
    if (openCell && panel.matches(':popover-open')) place(panel, openCell);
  });

  // #feature/operator opens that cell; #feature scrolls to the row (the browser does that).
  const openFromAddress = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    if (!id.includes('/')) return;
    const cell = document.getElementById(id);
    const link = cell?.matches('td.cell') ? cell.querySelector<HTMLAnchorElement>(':scope > a') : null;
    if (!cell || !link || cell.closest('[hidden]') || cell.hidden) return;
    cell.scrollIntoView({ block: 'center' });
    open(link);
  };
  addEventListener('hashchange', openFromAddress);
  openFromAddress();
}
