// Opens a cell's notes, evidence and knowledge in a panel beside it. The details come from the
// feature page the cell links to (fetched once per feature), so the matrix page stays small and
// shows exactly what the feature page shows.

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

export function enhanceCells(table: HTMLTableElement): void {
  const panel = document.getElementById('cell-details');
  if (!panel || !('showPopover' in panel)) return; // Older browsers keep the plain links.
  const title = panel.querySelector<HTMLElement>('#cell-details-title')!;
  const body = panel.querySelector<HTMLElement>('.pop-body')!;
  const more = panel.querySelector<HTMLAnchorElement>('.pop-more')!;
  let opener: HTMLAnchorElement | undefined;

  table.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('td.cell > a');
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    opener = link;
    const url = new URL(link.href);
    const rowId = url.hash.slice(1);
    url.hash = '';
    more.href = link.href;
    const cell = link.parentElement as HTMLTableCellElement;
    const row = cell.parentElement as HTMLTableRowElement;
    title.textContent = `${row.querySelector('th')?.textContent?.replace(/main$/, '').trim() ?? ''} · ${table.querySelector(`thead th[data-op="${cell.dataset['op']}"] a`)?.textContent ?? ''}`;
    body.replaceChildren(document.createTextNode('Loading…'));
    const rect = cell.getBoundingClientRect();
    panel.style.top = `${Math.min(rect.bottom + 4, window.innerHeight - 40)}px`;
    panel.style.left = `${Math.max(8, Math.min(rect.left, window.innerWidth - panel.offsetWidth - 8))}px`;
    (panel as HTMLElement & { showPopover(): void }).showPopover();
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
      .catch(() => body.replaceChildren(document.createTextNode('The details could not be loaded; follow the link below.')));
    panel.querySelector<HTMLButtonElement>('.close')?.focus();
  });
  panel.addEventListener('toggle', (event) => {
    if ((event as ToggleEvent).newState === 'closed') opener?.focus();
  });
}
