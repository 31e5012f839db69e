import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckContext } from '../../../scripts/lib/evidence/checker.ts';
import { DocsSourceChecker, docsPath } from '../../../scripts/lib/evidence/checkers/docs-source.ts';
import { RepositoryChecker } from '../../../scripts/lib/evidence/checkers/repository.ts';
import { pageParser } from '../../../scripts/lib/evidence/page-parser.ts';
import type { OperatorMetadata } from '../../../scripts/lib/generated/operator.ts';
import { gitRepository, type TestRepository } from '../../helpers/git.ts';
import { demoOperator } from '../../helpers/project.ts';

const operator = (source: OperatorMetadata['documentation']['source']): OperatorMetadata =>
  demoOperator({ url: 'https://demo.example.org/docs/{major}.{minor}/', ...(source ? { source } : {}) });

const pages = pageParser();
afterAll(() => pages.close());

let repo: TestRepository;
beforeAll(async () => {
  repo = await gitRepository();
  await repo.commit({ 'docs/index.md': '# Demo\n\n## Container images\n', 'docs/backup.md': '# Backup\n\n## Retention\n', 'docs/ops/upgrade/index.md': '# Upgrades\n' }, '2026-01-10');
  repo.tag('v1.1.0');
  await repo.commit({ 'docs/backup.md': '# Backup & Recovery\n\n## Retention policies {#retention}\n\n## Encryption\n', 'docs/tls.md': '# TLS\n' }, '2026-03-01');
  repo.tag('v1.2.0');
  await repo.commit(
    {
      'site/content/en/01-intro/_index.md': '---\ntitle: Intro\nurl: /intro/\n---\n# Getting started\n',
      'site/content/en/04-admin/02-sync/_index.md': '---\ntitle: Sync\nurl: /administration/replication/modes/sync\n---\n## Setting up a Cluster with Synchronous replica\n',
      'docs/modes.rst': '.. _replication_modes:\n\n=================\nReplication modes\n=================\n\nSynchronous Replication Factor\n------------------------------\n\nText.\n',
    },
    '2026-04-01',
  );
  repo.tag('v1.3.0');
});

const templates = { repository: 'https://github.com/demo/demo-operator', ref: 'v{version}', pages: ['docs/{path}.md', 'docs/{path}/index.md'], index: 'docs/index.md', slugs: 'mkdocs' as const };

function context(version: string, source: OperatorMetadata['documentation']['source'], released = '2026-03-01'): CheckContext {
  return { mode: 'offline', version, released, operator: operator(source), localRepositories: new Map([['demo/demo-operator', repo.path]]), docsSource: repo.path };
}

describe('offline: documentation links against the docs source of the release', () => {
  const checker = new DocsSourceChecker(pages);
  const check = (url: string, ctx: CheckContext) => checker.check(new URL(url), ctx);

  it('maps URL paths to source files through the templates, the index and index pages', async () => {
    const ctx = context('1.2.0', templates);
    expect(await check('https://demo.example.org/docs/1.2/backup/#retention', ctx)).toEqual({ via: 'docs-source', anchor: 'found', source: 'https://github.com/demo/demo-operator@v1.2.0:docs/backup.md' });
    expect(await check('https://demo.example.org/docs/1.2/#container-images', ctx)).toMatchObject({ anchor: 'found', source: expect.stringMatching(/:docs\/index\.md$/) });
    expect(await check('https://demo.example.org/docs/1.2/ops/upgrade/', ctx)).toMatchObject({ anchor: 'none', source: expect.stringMatching(/:docs\/ops\/upgrade\/index\.md$/) });
    expect(await check('https://demo.example.org/docs/1.2/encryption.html', ctx)).toMatchObject({ problem: { id: 'evidence-not-found' } });
  });

  it('reads the release\'s own version of a page, with the generator\'s anchors', async () => {
    expect((await check('https://demo.example.org/docs/1.1/backup/#retention', context('1.1.0', templates))).anchor).toBe('found');
    expect((await check('https://demo.example.org/docs/1.2/backup/#encryption', context('1.2.0', templates))).anchor).toBe('found');
    expect((await check('https://demo.example.org/docs/1.1/backup/#encryption', context('1.1.0', templates))).problem).toMatchObject({ id: 'evidence-anchor', message: 'The file has no heading with the anchor "#encryption".' });
    // mkdocs: "Backup & Recovery" is backup-recovery, not github's backup--recovery.
    expect((await check('https://demo.example.org/docs/1.2/backup/#backup-recovery', context('1.2.0', templates))).anchor).toBe('found');
  });

  it('reports a release whose ref the source does not have', async () => {
    expect((await check('https://demo.example.org/docs/1.9/backup/', context('1.9.0', templates))).problem?.message).toBe(`The documentation source ${repo.path} has no ref "v1.9.0" for release 1.9.0.`);
  });

  it('maps pages by their front-matter URL (Hugo)', async () => {
    const hugo = { repository: templates.repository, ref: 'v{version}', front_matter: 'site/content/en', slugs: 'hugo' as const };
    expect(await check('https://demo.example.org/docs/1.3/administration/replication/modes/sync/#setting-up-a-cluster-with-synchronous-replica', context('1.3.0', hugo))).toMatchObject({
      anchor: 'found',
      source: expect.stringMatching(/:site\/content\/en\/04-admin\/02-sync\/_index\.md$/),
    });
    expect((await check('https://demo.example.org/docs/1.3/intro/', context('1.3.0', hugo))).anchor).toBe('none');
  });

  it('skips, rather than judges, a moving branch that is older than the release', async () => {
    repo.git('branch', '-f', 'docs-1.x', 'v1.1.0');
    const branch = { ...templates, ref: 'docs-1.x' };
    expect(await check('https://demo.example.org/docs/1.2/backup/#encryption', context('1.2.0', branch))).toEqual({
      via: 'none',
      anchor: 'unchecked',
      note: 'Not checked offline: the local copy of the docs branch "docs-1.x" (last commit 2026-01-10) is older than release 1.2.0 (2026-03-01).',
    });
  });

  it('never reads outside a folder docs source: not by "..%2F", nor by a symbolic link', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'ofm-outside-'));
    const folder = await mkdtemp(join(tmpdir(), 'ofm-docs-'));
    try {
      await writeFile(join(outside, 'secret.md'), '# Secret\n\n## Password\n');
      await mkdir(join(folder, 'docs'));
      await writeFile(join(folder, 'docs/backup.md'), '# Backup\n\n## Retention\n');
      await symlink(join(outside, 'secret.md'), join(folder, 'docs/linked.md'));
      const ctx = { ...context('1.2.0', templates), docsSource: folder };
      expect(await check('https://demo.example.org/docs/1.2/backup/#retention', ctx)).toMatchObject({ anchor: 'found' });
      for (const url of [`https://demo.example.org/docs/1.2/..%2F..%2F${relative(folder, outside)}%2Fsecret/#password`, 'https://demo.example.org/docs/1.2/linked/#password']) {
        const outcome = await check(url, ctx);
        expect(outcome.anchor, url).not.toBe('found');
        expect(outcome.problem?.id, url).toBe('evidence-not-found');
        expect(outcome.source, url).toBeUndefined();
      }
    } finally {
      await rm(outside, { recursive: true, force: true });
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('turns URLs into template paths', () => {
    const root = 'https://demo.example.org/docs/3.0.0/';
    expect(docsPath(new URL('https://demo.example.org/docs/3.0.0/backups.html#x'), root)).toBe('backups');
    expect(docsPath(new URL('https://demo.example.org/docs/3.0.0/ops/index.html'), root)).toBe('ops');
    expect(docsPath(new URL('https://demo.example.org/docs/3.0.0/'), root)).toBe('');
    expect(docsPath(new URL('https://other.example.org/docs/3.0.0/x'), root)).toBeUndefined();
    expect(docsPath(new URL('https://demo.example.org/docs/3.0.0/a/..%2F..%2Fx'), root)).toBeUndefined();
    expect(docsPath(new URL('https://demo.example.org/docs/3.0.0/%E0%A4'), root)).toBeUndefined();
  });
});

describe('offline: repository links against a local clone', () => {
  const checker = new RepositoryChecker(pages);
  const check = (path: string) => checker.check(new URL(`https://github.com/demo/demo-operator/${path}`), context('1.2.0', templates));

  it('checks files, line ranges and headings at the link\'s ref', async () => {
    expect(await check('blob/v1.2.0/docs/backup.md#encryption')).toMatchObject({ via: 'repository', anchor: 'found', source: 'demo/demo-operator@v1.2.0:docs/backup.md' });
    expect((await check('blob/v1.1.0/docs/backup.md#L1-L3')).anchor).toBe('found');
    expect((await check('blob/v1.1.0/docs/backup.md#L1-L9')).problem?.id).toBe('evidence-anchor');
    expect((await check('blob/v1.1.0/docs/tls.md')).problem?.message).toBe('docs/tls.md does not exist in demo/demo-operator at v1.1.0.');
  });

  it('reads reStructuredText section titles and targets as anchors, as GitHub renders them', async () => {
    for (const anchor of ['synchronous-replication-factor', 'replication-modes']) expect((await check(`blob/v1.3.0/docs/modes.rst#${anchor}`)).anchor, anchor).toBe('found');
    expect((await check('blob/v1.3.0/docs/modes.rst#asynchronous')).problem?.message).toBe('The file has no heading with the anchor "#asynchronous".');
  });

  it('says a ref the local copy lacks is not checkable offline, rather than broken', async () => {
    expect(await check('blob/v9.9.9/README.md')).toEqual({ via: 'none', anchor: 'unchecked', note: 'Not checked offline: the local copy of demo/demo-operator has no ref "v9.9.9" (fetch its tags, or check online).' });
  });

  it('takes no link whose path climbs out of the repository or has a malformed escape', () => {
    for (const path of ['blob/v1.2.0/..%2F..%2Fetc/passwd', 'blob/v1.2.0/docs/%E0%A4.md']) {
      expect(checker.accepts(new URL(`https://github.com/demo/demo-operator/${path}`), context('1.2.0', templates)), path).toBe(false);
    }
  });

  it('accepts only repositories it has a copy of', () => {
    expect(checker.accepts(new URL('https://github.com/other/repo/blob/v1/x.md'), context('1.2.0', templates))).toBe(false);
    expect(checker.accepts(new URL('https://github.com/demo/demo-operator/blob/v1/x.md'), context('1.2.0', templates))).toBe(true);
  });
});
