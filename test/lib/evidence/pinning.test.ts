import { describe, expect, it } from 'vitest';
import { pinningOf } from '../../../scripts/lib/evidence/pinning.ts';
import { expand, versionParts } from '../../../scripts/lib/releases.ts';
import { demoOperator } from '../../helpers/project.ts';

const operator = demoOperator({
  url: 'https://demo.example.org/docs/{major}.{minor}/',
  unpinned: ['https://demo.example.org/docs/latest/'],
  source: { repository: 'https://github.com/demo/demo-operator', ref: 'v{version}', pages: ['docs/{path}.md'] },
});

describe('version pinning', () => {
  it('expands templates', () => {
    expect(expand('https://x/{major}.{minor}/v{version}/{patch}', versionParts('1.30.2'))).toBe('https://x/1.30/v1.30.2/2');
  });

  it('accepts the docs of the release, a commit, and the release tag', () => {
    expect(pinningOf('https://demo.example.org/docs/1.2/backup/#x', '1.2.0', operator)).toEqual({ pinned: true });
    expect(pinningOf('https://github.com/demo/demo-operator/blob/0123456789abcdef0123456789abcdef01234567/a.go#L1', '1.2.0', operator)).toEqual({ pinned: true });
    expect(pinningOf('https://github.com/demo/demo-operator/blob/v1.2.0/docs/a.md', '1.2.0', operator)).toEqual({ pinned: true });
  });

  it('warns about the newest docs and suggests the release URL', () => {
    const p = pinningOf('https://demo.example.org/docs/latest/backup/#x', '1.2.0', operator);
    expect(p.pinned).toBe(false);
    expect(p.problem?.hint).toBe('Link this release\'s documentation instead: https://demo.example.org/docs/1.2/backup/#x');
  });

  it('warns about docs of another release', () => {
    const p = pinningOf('https://demo.example.org/docs/1.1/backup/', '1.2.0', operator);
    expect(p).toMatchObject({ pinned: false, problem: { message: 'The link points at the documentation of another release (https://demo.example.org/docs/1.1/), not 1.2.0.' } });
  });

  it('warns about branches and about another release\'s tag of the operator\'s repository', () => {
    expect(pinningOf('https://github.com/demo/demo-operator/blob/main/README.md', '1.2.0', operator).problem?.message).toBe('The link points at the branch "main", which moves after release 1.2.0.');
    expect(pinningOf('https://github.com/demo/demo-operator/blob/v1.1.0/README.md', '1.2.0', operator).problem?.hint).toBe('Use the tag of this release (v1.2.0).');
  });

  it('says nothing of pages that are not versioned', () => {
    expect(pinningOf('https://github.com/demo/demo-operator/issues', '1.2.0', operator)).toEqual({ pinned: null });
  });

  it('reads templates that repeat or join placeholders, in linear time', () => {
    const repeated = demoOperator({ url: 'https://demo.example.org/{version}/v{version}/' });
    expect(pinningOf('https://demo.example.org/1.2.0/v1.2.0/x', '1.2.0', repeated)).toEqual({ pinned: true });
    expect(pinningOf('https://demo.example.org/1.1.0/v1.1.0/x', '1.2.0', repeated).problem?.message).toContain('another release (https://demo.example.org/1.1.0/v1.1.0/)');
    const joined = demoOperator({ url: 'https://demo.example.org/{major}{minor}{patch}{version}/' });
    const start = performance.now();
    expect(pinningOf(`https://demo.example.org/${'1'.repeat(3000)}x/`, '1.2.0', joined).pinned).toBe(false);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
