// A throw-away OFM project on disk: the real schemas and catalogues, plus whatever files a test
// writes. Tests validate through the same code paths as the CLI.
import { readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { parse } from 'yaml';
import type { Diagnostic } from '../../scripts/lib/diagnostic.ts';
import type { OperatorMetadata } from '../../scripts/lib/generated/operator.ts';
import { openProject, type Project } from '../../scripts/lib/project.ts';
import { validateFile } from '../../scripts/lib/validate.ts';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface TestProject {
  readonly root: string;
  write(relativePath: string, content: string | Uint8Array): Promise<string>;
  /** Findings for one file, opening the project afresh (so catalogues written by the test count). */
  validate(relativePath: string): Promise<Diagnostic[]>;
  open(): Promise<Project>;
}

const created: string[] = [];
afterAll(async () => {
  await Promise.all(created.map((dir) => rm(dir, { recursive: true, force: true })));
});

export async function testProject(): Promise<TestProject> {
  const root = await mkdtemp(join(tmpdir(), 'ofm-test-'));
  created.push(root);
  await cp(join(repoRoot, 'schema'), join(root, 'schema'), { recursive: true });
  await cp(join(repoRoot, 'features'), join(root, 'features'), { recursive: true });
  await mkdir(join(root, 'submissions'), { recursive: true });
  const project: TestProject = {
    root,
    async write(relativePath, content) {
      const path = join(root, relativePath);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
      return path;
    },
    open: () => openProject(root),
    async validate(relativePath) {
      return (await validateFile(await project.open(), join(root, relativePath))).diagnostics;
    },
  };
  return project;
}

export const SUBMISSION_SCHEMA_LINE = '# yaml-language-server: $schema=../../../schema/generated/postgres.submission.schema.json';
export const OPERATOR_SCHEMA_LINE = '# yaml-language-server: $schema=../../../schema/operator.schema.json';

export const OPERATOR_YAML = `${OPERATOR_SCHEMA_LINE}
id: demo
name: Demo Operator
vendor: Demo Inc.
homepage: https://demo.example.org
repository: https://github.com/demo/demo-operator
license: Apache-2.0
maintainers: [demo-maintainer]
documentation:
  url: https://demo.example.org/docs/{major}.{minor}/
`;

/** A valid submission for operator "demo" 1.2.0, with `features` replaced by the given YAML. */
export function submission(features: string, header: Partial<Record<'catalogue' | 'operator' | 'version' | 'released', string>> = {}): string {
  const h = { catalogue: 'postgres@1.0.0', operator: 'demo', version: '"1.2.0"', released: '"2026-05-22"', ...header };
  return `${SUBMISSION_SCHEMA_LINE}
catalogue: ${h.catalogue}
operator: ${h.operator}
version: ${h.version}
released: ${h.released}
features:
${features.replace(/^\n/, '').replace(/^/gm, '  ')}
`;
}

const catalogueIds = (parse(readFileSync(join(repoRoot, 'features/postgres/catalogue.yaml'), 'utf8')) as { features: { id: string; deprecated?: unknown }[] }).features
  .filter((f) => !f.deprecated)
  .map((f) => f.id);

/**
 * Like `submission`, with every catalogue feature not given added after them as an explained
 * unknown: a complete newest release, which `omitted-feature` has nothing to say about.
 */
export function completeSubmission(features: string, header: Parameters<typeof submission>[1] = {}): string {
  // The given claims (each from its key line to the next) and the others, in the catalogue's order.
  const given = new Map(features.split(/^(?=[a-z0-9]+:)/m).filter((block) => block.trim()).map((block) => [/^([a-z0-9]+):/.exec(block)?.[1] ?? '', block.replace(/\n$/, '')]));
  const blocks = catalogueIds.map((id) => given.get(id) ?? `${id}:\n  support: unknown\n  notes: Not researched for this test.`);
  const others = [...given].filter(([id]) => !catalogueIds.includes(id)).map(([, block]) => block);
  return submission([...others, ...blocks].join('\n'), header);
}

/** A test project holding demo's operator.yaml and one submission at submissions/postgres/demo/1.2.0.yaml. */
export async function withSubmission(text: string): Promise<Diagnostic[]> {
  const project = await testProject();
  await project.write('submissions/postgres/demo/operator.yaml', OPERATOR_YAML);
  await project.write('submissions/postgres/demo/1.2.0.yaml', text);
  return project.validate('submissions/postgres/demo/1.2.0.yaml');
}

export const rulesOf = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => d.rule);
export const only = (diagnostics: readonly Diagnostic[], rule: string) => diagnostics.filter((d) => d.rule === rule);

/** Operator "demo" as data, with the given documentation. */
export const demoOperator = (documentation: OperatorMetadata['documentation']): OperatorMetadata => ({
  id: 'demo',
  name: 'Demo',
  vendor: 'Demo',
  homepage: 'https://demo.example.org',
  repository: 'https://github.com/demo/demo-operator',
  license: 'Apache-2.0',
  maintainers: ['demo'],
  documentation,
});
