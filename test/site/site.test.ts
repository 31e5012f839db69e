import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { createAjv } from '../../scripts/lib/ajv.ts';
import { schemas } from '../../scripts/lib/schemas.ts';
import { runOfm } from '../helpers/cli.ts';
import { repoRoot } from '../helpers/project.ts';
import { buildSite, launchChromium, type BuiltSite } from '../helpers/site.ts';

let site: BuiltSite;
let browser: Browser;
let data: string;
const NEVER_CHECKED = 'https://example.com/never-checked';
beforeAll(async () => {
  // The fixtures, with one evidence link changed after alpha 1.1.0's evidence report was written.
  data = await mkdtemp(join(tmpdir(), 'ofm-site-fixtures-'));
  for (const folder of ['schema', 'features']) await cp(join(repoRoot, folder), join(data, folder), { recursive: true });
  await cp(join(repoRoot, 'test/fixtures/site/submissions'), join(data, 'submissions'), { recursive: true });
  const alpha = join(data, 'submissions/postgres/alpha/1.1.0.yaml');
  await writeFile(alpha, (await readFile(alpha, 'utf8')).replace('https://alpha.example.org/docs/1.1/versions/', NEVER_CHECKED));
  site = await buildSite(join(data, 'submissions'));
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (data) await rm(data, { recursive: true, force: true });
});

async function open(path: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.on('close', () => void context.close().catch(() => undefined));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(new URL(path, site.url).toString());
  return page;
}

const visibleFeatureRows = (page: Page, table = '#matrix') => page.locator(`${table} tbody:not([hidden]) > tr[data-f]:not([hidden])`).count();

describe('the matrix page', () => {
  it('shows operators as columns and features as rows, main features first, in a real table', async () => {
    const page = await open('');
    const table = page.getByRole('table', { name: /Features of PostgreSQL operators/ });
    await expect(table.getByRole('columnheader', { name: /Alpha Operator/ }).isVisible()).resolves.toBe(true);
    expect(await table.getByRole('columnheader').count()).toBe(4);
    expect(await table.getByRole('rowheader').count()).toBe(101 + 13);
    const firstOfHa = await page.locator('tbody[data-category="harp"] tr[data-f]').first().getAttribute('data-main');
    expect(firstOfHa).toBe('1');
    expect(await table.getByRole('row', { name: /Automated failover/ }).getByRole('cell').first().innerText()).toContain('Yes');
    await page.close();
  });

  it('opens a cell for its notes, evidence and how much is known, with the date', async () => {
    const page = await open('');
    await page.locator('tr[data-f="autbk"] td[data-op="alpha"] a').click();
    const panel = page.getByRole('dialog', { name: 'Automated backup management · Alpha Operator' });
    await panel.getByText('Schedules only; no retention policy.').waitFor();
    await expect(panel.getByRole('link', { name: 'Backups' }).getAttribute('href')).resolves.toBe('https://alpha.example.org/docs/1.1/backup/#schedules');
    await expect(panel.getByText('broken at the last check').isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect(panel.isVisible()).resolves.toBe(false);
    await page.locator('tr[data-f="autfa"] td[data-op="alpha"] a').click();
    await page.getByRole('dialog').getByText('Evidence checked 2026-11-20').waitFor();
    await page.close();
  });

  it('filters by text, category, main features and support, and says what it shows', async () => {
    const page = await open('');
    const search = page.getByRole('searchbox', { name: 'Search' });
    await search.fill('backup');
    expect(await visibleFeatureRows(page)).toBe(9);
    await expect(page.getByRole('status').innerText()).resolves.toBe('Showing 9 of 101 features for 3 operators.');
    await search.fill('');
    await page.getByRole('combobox', { name: 'Category' }).selectOption('bkup');
    expect(await visibleFeatureRows(page)).toBe(6);
    await page.getByRole('checkbox', { name: 'Main only' }).check();
    expect(await visibleFeatureRows(page)).toBe(2);
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.getByRole('group', { name: 'Has' }).getByRole('checkbox', { name: 'Partial' }).check();
    expect(await visibleFeatureRows(page)).toBe(2);
    await page.waitForURL((url) => url.searchParams.get('support') === 'partial');
    await page.close();
  });

  it('lets visitors choose the operators shown', async () => {
    const page = await open('');
    await page.getByText('Operators (3 of 3)').click();
    await page.getByRole('group', { name: 'Operators shown' }).getByRole('checkbox', { name: 'Beta Operator' }).uncheck();
    await expect(page.getByRole('columnheader', { name: /Beta Operator/ }).isVisible()).resolves.toBe(false);
    await page.waitForURL((url) => url.searchParams.get('operators') === 'alpha,xss');
    await page.close();
  });

  it('restores a shared view from its address', async () => {
    const page = await open('?operators=beta&category=harp&main=1&q=failover');
    await expect(page.getByRole('searchbox', { name: 'Search' }).inputValue()).resolves.toBe('failover');
    await expect(page.getByRole('combobox', { name: 'Category' }).inputValue()).resolves.toBe('harp');
    // "failover" is in the name of autfa and the definition of techa, both main features of HA.
    expect(await page.locator('#matrix tbody:not([hidden]) > tr[data-f]:not([hidden])').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-f')))).toEqual(['autfa', 'techa']);
    await expect(page.getByRole('columnheader', { name: /Alpha Operator/ }).isVisible()).resolves.toBe(false);
    await page.close();
  });

  it('works without JavaScript: the whole table, no filter form, cells lead to their notes and evidence', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url);
    expect(await visibleFeatureRows(page)).toBe(101);
    await expect(page.locator('form#filters').isVisible()).resolves.toBe(false);
    await page.locator('tr[data-f="autbk"] td[data-op="alpha"] a').click();
    await page.waitForURL(/\/features\/autbk\/#op-alpha$/);
    await expect(page.locator('#op-alpha').getByText('Schedules only; no retention policy.').isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('downloads the matrix as CSV and JSON', async () => {
    const page = await open('');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV' }).click()]);
    const rows = parse(await readFile((await csv.path())!, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(101 * 3);
    expect(rows.find((r) => r['feature'] === 'autbk' && r['operator'] === 'alpha')).toMatchObject({ support: 'partial', version: '1.1.0', notes: 'Schedules only; no retention policy.' });
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'JSON' }).click()]);
    const data = JSON.parse(await readFile((await json.path())!, 'utf8'));
    expect(createAjv().validate(schemas.matrixExport.$id, data)).toBe(true);
    expect(data.operators.map((o: { id: string }) => o.id)).toEqual(['alpha', 'beta', 'xss']);
    await page.close();
  });
});

describe('addresses and history', () => {
  it('opens a row from #feature and a cell from #feature/operator, and links to the open cell', async () => {
    const page = await open('#autbk/alpha');
    const panel = page.getByRole('dialog', { name: 'Automated backup management · Alpha Operator' });
    await panel.getByText('Schedules only; no retention policy.').waitFor();
    await expect(panel.getByRole('link', { name: 'Link to this cell' }).getAttribute('href')).resolves.toBe('#autbk/alpha');
    await page.keyboard.press('Escape');
    await page.goto(new URL('#tlssp/beta', site.url).toString());
    await page.getByRole('dialog', { name: 'TLS Support · Beta Operator' }).waitFor();
    await page.close();
    const row = await open('#ptrbk');
    await expect(row.locator('tr[data-f="ptrbk"]').evaluate((tr) => tr.matches(':target'))).resolves.toBe(true);
    await row.close();
  });

  it('undoes a filter with Back', async () => {
    const page = await open('');
    await page.getByRole('checkbox', { name: 'Main only' }).check();
    await page.waitForURL((url) => url.searchParams.get('main') === '1');
    const main = await visibleFeatureRows(page);
    await page.getByRole('combobox', { name: 'Category' }).selectOption('bkup');
    await page.waitForURL((url) => url.searchParams.get('category') === 'bkup');
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('category'));
    expect(await visibleFeatureRows(page)).toBe(main);
    await expect(page.getByRole('combobox', { name: 'Category' }).inputValue()).resolves.toBe('');
    await page.goBack();
    await page.waitForURL((url) => url.search === '');
    expect(await visibleFeatureRows(page)).toBe(101);
    await expect(page.getByRole('checkbox', { name: 'Main only' }).isChecked()).resolves.toBe(false);
    await page.close();
  });

  it('reports what the address asks for that the page does not have, and drops it', async () => {
    const page = await open('?category=zzz&operators=alpha,nosuch&support=maybe');
    const status = await page.getByRole('status').innerText();
    expect(status).toContain('There is no category "zzz"; showing all categories.');
    expect(status).toContain('No operator named "nosuch"; it is left out.');
    expect(status).toContain('Ignored the support level(s) "maybe"');
    await expect(page.getByRole('combobox', { name: 'Category' }).inputValue()).resolves.toBe('');
    await page.waitForURL((url) => url.search === '?operators=alpha');
    expect(await page.locator('thead th[data-op]:visible').count()).toBe(1);
    await page.close();
    const none = await open('?operators=');
    await expect(none.getByRole('status').innerText()).resolves.toBe('No operator is chosen: choose some under "Operators".');
    expect(await none.locator('thead th[data-op]:visible').count()).toBe(0);
    await none.close();
  });

  it('finds features by id and by the other names readers use, and marks the match', async () => {
    const page = await open('');
    const search = page.getByRole('searchbox', { name: 'Search' });
    await search.fill('pitr');
    expect(await page.locator('#matrix tbody:not([hidden]) > tr[data-f]:not([hidden])').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-f')))).toEqual(['ptrbk']);
    await search.fill('autfa');
    expect(await visibleFeatureRows(page)).toBe(1);
    await search.fill('failover');
    await expect(page.locator('tr[data-f="autfa"] th mark').innerText()).resolves.toBe('failover');
    await expect(page.getByRole('option', { name: /^HA & Replication \(\d+\)$/ }).count()).resolves.toBe(1);
    await page.close();
  });
});

describe('the static JSON API and downloads', () => {
  it('publishes an index, a document per feature and per operator, each matching schema/site-api.schema.json', async () => {
    const validate = createAjv().getSchema(schemas.siteApi.$id)!;
    const get = async (path: string) => {
      const response = await fetch(new URL(path, site.url));
      expect(response.headers.get('content-type'), path).toContain('application/json');
      const document = await response.json();
      expect(validate(document), `${path}: ${JSON.stringify(validate.errors)}`).toBe(true);
      return document;
    };
    const index = await get('api/v1/index.json');
    expect(index.operators.map((o: { id: string }) => o.id)).toEqual(['alpha', 'beta', 'xss']);
    expect(index.features).toHaveLength(101);
    const autbk = await get(index.features.find((f: { id: string }) => f.id === 'autbk').href);
    expect(autbk.claims.find((c: { operator: string }) => c.operator === 'alpha')).toMatchObject({
      support: 'partial',
      notes: 'Schedules only; no retention policy.',
      knowledge: { level: 'declared', since: '2026-04-02' },
      first_claimed: { version: '1.1.0' },
    });
    const beta = await get('api/v1/operators/beta.json');
    expect(beta.releases[0].claims.tlssp.knowledge).toMatchObject({ level: 'contradicted', kubernetes: '1.37' });
    // Notes as HTML are sanitised here too (the other fields are text, which the site never reads as HTML).
    for (const feature of index.features) {
      const { claims } = (await (await fetch(new URL(feature.href, site.url))).json()) as { claims: Array<{ notes_html: string | null }> };
      for (const { notes_html: html } of claims) expect(html ?? '', feature.id).not.toMatch(/<script|<iframe|\son\w+=|javascript:/i);
    }
    const xss = (await (await fetch(new URL('api/v1/operators/xss.json', site.url))).json()) as { releases: Array<{ claims: Record<string, { notes: string | null; notes_html: string | null }> }> };
    expect(Object.values(xss.releases[0]!.claims).some((c) => c.notes?.includes('<script'))).toBe(true);
    // Footnote ids stay unique when a client shows several notes of an operator together.
    const ids = Object.values(xss.releases[0]!.claims).flatMap((c) => [...(c.notes_html ?? '').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    expect(ids.length).toBeGreaterThanOrEqual(4);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('downloads the matrix wide, and the view on screen as CSV', async () => {
    const page = await open('');
    const [wide] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'wide' }).click()]);
    const rows = parse(await readFile((await wide.path())!, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(101);
    expect(rows.find((r) => r['feature'] === 'autfa')).toMatchObject({ 'Alpha Operator 1.1.0': 'Yes' });
    await page.getByRole('searchbox', { name: 'Search' }).fill('backup');
    await page.getByText('Operators (3 of 3)').click();
    await page.getByRole('checkbox', { name: 'Xss Operator' }).uncheck();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('checkbox', { name: 'Alpha Operator' }).isVisible()).resolves.toBe(false);
    const [view] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'this view' }).click()]);
    const shown = parse(await readFile((await view.path())!, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(shown).toHaveLength(9);
    expect(Object.keys(shown[0]!)).toEqual(['feature', 'feature_name', 'category', 'main', 'Alpha Operator', 'Beta Operator']);
    await page.close();
  });
});

describe('the compare page', () => {
  it('shows the chosen operators side by side and, on request, only their differences', async () => {
    const page = await open('compare/?operators=alpha,beta');
    await expect(page.getByRole('columnheader', { name: /Xss/ }).isVisible()).resolves.toBe(false);
    expect(await visibleFeatureRows(page, '#compare')).toBe(101);
    await page.getByRole('checkbox', { name: 'Only differences' }).check();
    // alpha 1.1.0 and beta 2.0.0 differ on techa, autbk, tlssp and pgver.
    expect(await visibleFeatureRows(page, '#compare')).toBe(4);
    await page.waitForURL((url) => url.search === '?operators=alpha,beta&diff=1');
    await page.reload();
    expect(await visibleFeatureRows(page, '#compare')).toBe(4);
    await page.getByText('Operators to compare').click();
    await page.getByRole('checkbox', { name: 'Beta Operator' }).uncheck();
    await expect(page.getByRole('status').innerText()).resolves.toBe('Choose at least two operators to compare.');
    await page.close();
  });

  it('keeps the order the address gives, marks the differing cells, and says when it needs two operators', async () => {
    const page = await open('compare/?operators=beta,alpha&diff=1');
    expect(await page.locator('#compare thead th[data-op]:visible').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-op')))).toEqual(['beta', 'alpha']);
    expect(await page.locator('#compare tr[data-f="autbk"] td:visible').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-op')))).toEqual(['beta', 'alpha']);
    expect(await page.locator('#compare td.differs:visible').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('#compare tr[data-f="autfa"] td.differs').count()).toBe(0);
    await page.close();
    const one = await open('compare/?operators=alpha');
    await expect(one.getByRole('status').innerText()).resolves.toContain('Comparing needs two to six operators; the address names only Alpha Operator.');
    await one.close();
  });
});

describe('feature and operator pages', () => {
  it('navigates from the matrix to a feature, its operators, and back', async () => {
    const page = await open('');
    await page.getByRole('rowheader', { name: /Automated backup management/ }).getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Automated backup management');
    await expect(page.getByRole('heading', { name: 'What a vendor must show to claim it' }).isVisible()).resolves.toBe(true);
    const alpha = page.getByRole('row', { name: /Alpha Operator/ });
    await expect(alpha.innerText()).resolves.toContain('1.1.0 (2026-04-02)');
    await alpha.getByRole('link', { name: 'Alpha Operator' }).click();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Alpha Operator');
    await expect(page.getByRole('heading', { name: 'What changed from 1.0.0 to 1.1.0' }).isVisible()).resolves.toBe(true);
    const changes = page.getByRole('region', { name: 'What changed from 1.0.0 to 1.1.0' });
    await expect(changes.getByRole('heading', { name: 'Added (1)' }).isVisible()).resolves.toBe(true);
    await expect(changes.getByRole('heading', { name: 'Removed (1)' }).isVisible()).resolves.toBe(true);
    await expect(changes.getByText('Automated backup management: No → Partial').isVisible()).resolves.toBe(true);
    await page.getByRole('link', { name: 'About the data' }).click();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('About the data');
    await expect(page.getByRole('row', { name: /Claims confirmed by a conformance run/ }).innerText()).resolves.toMatch(/\t1 of \d+ \(/);
    await expect(page.getByRole('row', { name: /Claims contradicted by a conformance run/ }).innerText()).resolves.toMatch(/\t1$/);
    await page.close();
  });
});

describe('evidence states', () => {
  it('counts a check only for the link it checked: a link changed since is not checked, the others stay verified', async () => {
    const validate = await runOfm(['validate', '--format', 'json', 'submissions/postgres/alpha/1.1.0.yaml'], data);
    const stale = (JSON.parse(validate.stdout).findings as { rule: string; line: number; message: string }[]).filter((f) => f.rule === 'evidence-report');
    expect(stale).toEqual([expect.objectContaining({ line: 20, message: '1.1.0.evidence.json checked an earlier version of this claim: 0 of its 1 link(s) are checked as they stand now.' })]);

    const versions = await open('features/pgver/');
    const alphaRow = versions.getByRole('row', { name: /Alpha Operator/ });
    await expect(alphaRow.getByRole('listitem').filter({ hasText: 'Versions' }).innerText()).resolves.toBe('Versions (not checked: the check is older than this claim)');
    await expect(alphaRow.innerText()).resolves.not.toContain('Evidence checked');
    await versions.close();
    const failover = await open('features/autfa/');
    await expect(failover.getByRole('row', { name: /Alpha Operator/ }).getByRole('listitem').filter({ hasText: 'Failover' }).innerText()).resolves.toBe('Failover (verified)');
    await expect(failover.getByRole('row', { name: /Alpha Operator/ }).innerText()).resolves.toContain('Evidence checked 2026-11-20');
    await failover.close();
  });

  it('states verified, broken and not checkable links on the operator page, with the reason', async () => {
    const page = await open('operators/alpha/');
    const release = page.getByRole('listitem').filter({ hasText: /^1\.1\.0, released/ });
    await expect(release.innerText()).resolves.toContain('Evidence checked offline on 2026-11-20: of 5 links, 2 verified, 1 broken, 1 not checkable, 1 not checked (changed since the check).');
    await expect(release.getByRole('listitem').innerText()).resolves.toBe('Not checkable (1): Not checked offline: the local copy of the docs branch "1.0" (last commit 2026-03-01) is older than release 1.1.0 (2026-04-02).');
    await page.close();
    const about = await open('about/');
    await expect(about.getByRole('row', { name: /Evidence links not checkable/ }).innerText()).resolves.toContain('older than release 1.1.0');
    await expect(about.getByRole('row', { name: /Evidence links broken/ }).innerText()).resolves.toMatch(/\t1$/);
    await about.close();
  });
});

describe('conformance results', () => {
  it("shows each claim's confirmation level with its date and Kubernetes version, contradictions as such, and stale results not at all", async () => {
    const page = await open('operators/beta/');
    const row = (name: string) => page.getByRole('row', { name: new RegExp(`^${name}`) });
    await expect(row('Automated backup management').innerText()).resolves.toContain('Controller confirmed 2026-12-01 on Kubernetes 1.37');
    await expect(row('TLS Support').innerText()).resolves.toContain('Contradicted 2026-12-01 on Kubernetes 1.37');
    // autfa's result was for an earlier version of the claim: it falls back to what is known without it.
    await expect(row('Automated failover').innerText()).resolves.not.toContain('confirmed');
    await page.close();
    const matrix = await open('');
    await expect(matrix.locator('tr[data-f="tlssp"] td[data-op="beta"] a').getAttribute('title')).resolves.toBe('Contradicted 2026-12-01 on Kubernetes 1.37');
    await expect(matrix.locator('tr[data-f="tlssp"] td[data-op="beta"] .k-contradicted').count()).resolves.toBe(1);
    await matrix.close();
  });
});

describe('safety', () => {
  // One page per test, with room: every claim's panel is opened (100+ on the matrix).
  it.each(['', 'features/autfa/', 'operators/xss/', 'compare/?operators=xss,alpha'])('keeps HTML and scripts from submissions inert on /%s', async (path) => {
    const page = await open(path);
    for (const link of await page.locator('td[data-op="xss"] a').all()) {
      await link.click();
      await page.getByRole('dialog').locator('dl').waitFor();
      await page.keyboard.press('Escape');
    }
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss), path).toBeUndefined();
    const dangerous = await page.locator('a[href^="javascript:"], [onerror], [onmouseover], [onfocus], iframe').evaluateAll((all) => all.map((e) => e.outerHTML));
    expect(dangerous, path).toEqual([]);
    // Only the site's own scripts: bundled files, and the theme snippet in <head>.
    const scripts = await page.locator('script').evaluateAll((all) => all.map((e) => (e as HTMLScriptElement).src || e.textContent!.trim().slice(0, 30)));
    expect(scripts.every((s) => s.includes('/_astro/') || s.startsWith('// Before paint')), path).toBe(true);
    expect(await page.content(), path).not.toContain('<script>window.__xss');
    expect((page as Page & { errors: string[] }).errors, path).toEqual([]);
    await page.close();
  }, 60_000);

  it('shows an operator name written as HTML as text', async () => {
    const page = await open('operators/xss/');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe("<script>window.__xss = 'name'</script>Xss Operator");
    await page.close();
  });

  it('shows images in notes as links, so reading fetches nothing from elsewhere, and footnote links land', async () => {
    for (const path of ['features/tlscu/', 'operators/xss/']) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const requested: string[] = [];
      page.on('request', (request) => requested.push(request.url()));
      await page.goto(new URL(path, site.url).toString());
      expect(requested.filter((url) => !url.startsWith(site.url)), path).toEqual([]);
      await expect(page.getByRole('link', { name: 'pixel' }).getAttribute('href')).resolves.toBe('https://tracker.example/p.gif');
      const targets = await page.locator('a[data-footnote-ref], a[data-footnote-backref]').evaluateAll((links) =>
        links.map((a) => document.getElementById(decodeURIComponent((a as HTMLAnchorElement).hash.slice(1))) !== null),
      );
      expect(targets.length, path).toBeGreaterThanOrEqual(2);
      expect(targets.filter((found) => !found), path).toEqual([]);
      await page.locator('a[data-footnote-ref]').first().click();
      await expect(page.evaluate(() => decodeURIComponent(location.hash))).resolves.toMatch(/^#md-.*fn-1$/);
      await context.close();
    }
  });
});

describe('accessibility and layout', () => {
  const desktop = ['', 'compare/?operators=alpha,beta', 'features/autfa/', 'operators/alpha/', 'operators/alpha/changes/1.0.0...1.1.0/', 'about/', 'no-such-page/'].map((path) => [path, 1440, 900] as const);
  const phone = ['', 'compare/?operators=alpha,beta', 'features/autfa/', 'operators/alpha/'].map((path) => [path, 390, 844] as const);
  it.each([...desktop, ...phone])('axe finds no serious problems on /%s at %i×%i', async (path, width, height) => {
    const page = await open(path, { viewport: { width, height } });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
    await page.close();
  }, 60_000);

  it('can be used with the keyboard, with a visible focus', async () => {
    const page = await open('');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
    const link = page.locator('tr[data-f="autbk"] td[data-op="alpha"] a');
    await link.focus();
    const outline = await link.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    const panel = page.getByRole('dialog');
    await panel.getByText('Schedules only').waitFor();
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('Close');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.closest('td')?.dataset['op'])).resolves.toBe('alpha');
    await page.close();
  });

  it('follows the dark system theme, and switches on request', async () => {
    const page = await open('', { colorScheme: 'dark' });
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(13, 17, 23)');
    await page.getByRole('button', { name: 'Switch to the light theme' }).click();
    expect(await background()).toBe('rgb(255, 255, 255)');
    await expect(page.getByRole('button', { name: 'Switch to the dark theme' }).innerText()).resolves.toBe('Dark theme');
    await page.reload();
    expect(await background()).toBe('rgb(255, 255, 255)');
    await page.close();
  });

  const PAGES = ['', 'compare/?operators=alpha,beta', 'features/autfa/', 'operators/alpha/', 'operators/alpha/changes/1.0.0...1.1.0/', 'about/'];
  const SIZES = [
    { width: 1440, height: 900 },
    { width: 390, height: 844 },
  ];

  it.each(SIZES)('never scrolls sideways at $width×$height, on any page', async (viewport) => {
    const page = await open('', { viewport });
    for (const path of PAGES) {
      await page.goto(new URL(path, site.url).toString());
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(viewport.width);
    }
    await page.close();
  });

  it.each(SIZES)('keeps the details of the lowest cell in view inside the window at $width×$height, with a close button that works', async (viewport) => {
    const page = await open('', { viewport });
    const lowest = await page.locator('td.cell:visible').evaluateAll((cells) => {
      const inView = cells.filter((c) => c.getBoundingClientRect().bottom <= innerHeight);
      return inView.at(-1)!.id;
    });
    await page.locator(`[id="${lowest}"] a`).click();
    const panel = page.getByRole('dialog');
    await panel.locator('dl').waitFor();
    const box = (await panel.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    await panel.getByRole('button', { name: 'Close' }).click();
    await expect(panel.isVisible()).resolves.toBe(false);
    await page.close();
  });

  it.each(['light', 'dark'] as const)('colours a yes and a no cell differently in the %s theme, each with its symbol', async (colorScheme) => {
    const page = await open('', { colorScheme });
    const look = (selector: string) => page.locator(selector).evaluate((td) => ({ background: getComputedStyle(td).backgroundColor, symbol: td.querySelector('.sym')?.textContent }));
    const yes = await look('tr[data-f="autfa"] td[data-op="alpha"]');
    const no = await look('td.cell[data-s="none"]');
    expect(yes.symbol).toBe('✓');
    expect(no.symbol).toBe('✗');
    expect(yes.background).not.toBe(no.background);
    expect(yes.background).not.toBe(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
    await page.close();
  });
});
