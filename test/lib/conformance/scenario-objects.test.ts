import { describe, expect, it } from 'vitest';
import { CleanupRecorder } from '../../../scripts/lib/conformance/scenario/cleanup.ts';
import { expectationProblems, subsetDiff } from '../../../scripts/lib/conformance/scenario/objects.ts';

describe('comparing live objects', () => {
  const service = { metadata: { name: 'x-rw' }, spec: { selector: { role: 'primary', cluster: 'x' }, ports: [{ port: 5432 }, { port: 9187 }] } };

  it('accepts a subset, lists item by item', () => {
    expect(subsetDiff({ spec: { selector: { role: 'primary' }, ports: [{ port: 5432 }] } }, service)).toEqual([]);
  });

  it('says where and how the object differs, one line each', () => {
    expect(subsetDiff({ spec: { selector: { role: 'replica' }, ports: [{ port: 5433 }], type: 'LoadBalancer' } }, service)).toEqual([
      'spec.selector.role: expected "replica", found "primary"',
      'spec.ports[0].port: expected 5433, found 5432',
      'spec.type: expected "LoadBalancer", found nothing',
    ]);
  });

  it('evaluates JSONPath expectations without running scripts', () => {
    const cluster = { status: { readyInstances: 2, conditions: [{ type: 'Ready', status: 'True' }] } };
    expect(expectationProblems([{ path: '$.status.readyInstances', equals: 2 }, { path: '$.status.readyInstances', at_least: 1 }, { path: "$.status.conditions[?(@.type=='Ready')].status", equals: 'True' }], cluster)).toEqual([]);
    expect(expectationProblems([{ path: '$.status.currentPrimary', exists: true }, { path: '$.status.readyInstances', at_least: 3 }], cluster)).toEqual([
      '$.status.currentPrimary: expected a value, found nothing',
      '$.status.readyInstances: expected at least 3, found 2',
    ]);
    expect(() => expectationProblems([{ path: '$..[?(process.exit(3))]', exists: true }], cluster)).toThrow();
  });
});

describe('cleanup', () => {
  it('undoes last first, and goes on past a failure', async () => {
    const cleanup = new CleanupRecorder();
    const order: string[] = [];
    cleanup.record('Namespace run', async () => (order.push('namespace'), true));
    cleanup.record('Cluster a', async () => {
      order.push('a');
      throw new Error('gone wrong');
    });
    cleanup.record('Service b', async () => (order.push('b'), false));
    expect(await cleanup.runAll()).toEqual([
      { object: 'Service b', deleted: false },
      { object: 'Cluster a', deleted: false, error: 'gone wrong' },
      { object: 'Namespace run', deleted: true },
    ]);
    expect(order).toEqual(['b', 'a', 'namespace']);
    expect(cleanup.size).toBe(0);
  });
});
