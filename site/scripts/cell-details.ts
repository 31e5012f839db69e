// Opens a cell's notes, evidence and knowledge in a panel attached to the cell: below it, or
// above when there is more room there, always inside the window, scrolling with the page; on a
// phone, a sheet along the bottom. The details come from the site's JSON API (one document per
// feature, fetched once), so the matrix page stays small. A cell's address (#autfa/alpha) opens it.

import type { FeatureDocument, OperatorClaim as ApiClaim } from '../../scripts/lib/generated/site-api.ts';

const documents = new Map<string, Promise<FeatureDocument>>();

function featureDocument(url: string): Promise<FeatureDocument> {
  let pending = documents.get(url);
  if (!pending) {
    pending = fetch(url).then((response) => {
      if (!response.ok) throw new Error(String(response.status));
      return response.json() as Promise<FeatureDocument>;
    });
    documents.set(url, pending);
  }
  return pending;
}

const element = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
};

/** The claim as a list of terms and details, built from text nodes (notes_html is sanitised at build time). */
function claimDetails(claim: ApiClaim): HTMLDListElement {
  const list = element('dl');
  const row = (term: string, ...content: (Node | string)[]) => {
    const detail = element('dd');
    detail.append(...content);
    list.append(element('dt', term), detail);
  };
  row('Value', element('span', claim.symbol, 'sym'), ` ${claim.display}`);
  if (claim.knowledge) {
    const k = claim.knowledge;
    row('How much is known', element('span', `${k.label} ${k.since}${k.kubernetes ? ` on Kubernetes ${k.kubernetes}` : ''}`, `k-${k.level}`));
  } else row('How much is known', element('span', 'not declared', 'muted'));
  const notes: Node[] = [];
  if (claim.notes_html) {
    const holder = element('div');
    holder.innerHTML = claim.notes_html;
    notes.push(holder);
  }
  if (claim.evidence.length) {
    const links = element('ul', undefined, 'evidence');
    for (const e of claim.evidence) {
      const item = element('li');
      // Only web links are made clickable, as on the pages.
      if (/^https?:\/\//i.test(e.url)) item.append(Object.assign(element('a', e.title), { href: e.url, rel: 'nofollow noopener noreferrer' }));
      else item.append(element('span', `${e.title} (${e.url})`));
      const state = element('span', ` (${e.state_text})`, 'muted');
      state.dataset['linkState'] = e.state;
      item.append(state);
      links.append(item);
    }
    notes.push(links);
  }
  row('Notes and evidence', ...(notes.length ? notes : [element('span', 'none', 'muted')]));
  row('First claimed in', claim.first_claimed ? `${claim.first_claimed.version} (${claim.first_claimed.released})` : element('span', 'not claimed', 'muted'));
  return list;
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
    const api = `${table.dataset['api']}features/${row.dataset['f']}.json`;
    featureDocument(api)
      .then((documentOf) => {
        const claim = documentOf.claims.find((c) => c.operator === cell.dataset['op']);
        if (!claim) throw new Error('missing');
        body.replaceChildren(claimDetails(claim));
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
