// `npm run bench:validate`: how long validation takes, beside the bare cost of parsing the same
// files and checking them against the submission schema. A benchmark, not a test: it prints
// numbers and asserts nothing.
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load as jsYamlLoad } from 'js-yaml';
import { parse as yamlParse } from 'yaml';
import { createAjv, validatorFor } from '../scripts/lib/ajv.ts';
import { openProject } from '../scripts/lib/project.ts';
import { generatedProject } from './sample.ts';
import { schemas } from '../scripts/lib/schemas.ts';
import { MAX_FILE_BYTES as MAX } from '../scripts/lib/source.ts';
import { dataFiles, validateFiles } from '../scripts/lib/validate.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env['RUNS'] ?? 5);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}


async function measure(label: string, projectRoot: string): Promise<string[]> {
  const project = await openProject(projectRoot);
  const files = await dataFiles(project, []);
  const texts = await Promise.all(files.map((f) => readFile(f, 'utf8')));
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const ajv = createAjv();
  const submission = validatorFor(ajv, schemas.submission.$id);
  const cliArgs = [join(root, 'scripts/ofm.js'), 'validate', '--format', 'json'];
  let findings = 0;
  let exit: number | null = null;
  // The machine is noisy: each round times every contender back to back, and the ratios are
  // taken within a round, so that a slow moment does not favour one side.
  const cases = {
    ofm: async () => {
      const fresh = await openProject(projectRoot);
      findings = (await validateFiles(fresh, files)).reduce((n, r) => n + r.diagnostics.length, 0);
    },
    cli: () => {
      exit = spawnSync(process.execPath, cliArgs, { cwd: projectRoot, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).status;
    },
    yaml: async () => {
      for (const file of files) submission(yamlParse(await readFile(file, 'utf8')));
    },
    jsYaml: async () => {
      for (const file of files) submission(jsYamlLoad(await readFile(file, 'utf8')));
    },
  };
  await cases.cli(); // builds the CLI bundle if the sources changed
  const samples: Record<keyof typeof cases, number[]> = { ofm: [], cli: [], yaml: [], jsYaml: [] };
  for (let round = 0; round < RUNS; round++) {
    for (const name of Object.keys(cases) as (keyof typeof cases)[]) {
      const start = performance.now();
      await cases[name]();
      samples[name].push(performance.now() - start);
    }
  }
  const ratio = (name: keyof typeof cases) => median(samples[name].map((ms, i) => ms / samples.jsYaml[i]!)).toFixed(2);
  const per = (name: keyof typeof cases) => {
    const ms = median(samples[name]);
    return `${ms.toFixed(0).padStart(6)} ms  (${((ms * 1000) / files.length).toFixed(0).padStart(5)} µs/file)`;
  };
  return [
    `${label}: ${files.length} files, ${(bytes / 1024).toFixed(0)} KiB, ${findings} findings (CLI exit ${exit})`,
    `  ofm validate, all rules, in-process    ${per('ofm')}  ${ratio('ofm')}× the floor`,
    `  ofm validate, CLI process end to end   ${per('cli')}  ${ratio('cli')}× the floor`,
    `  bare yaml.parse + Ajv (schema only)    ${per('yaml')}  ${ratio('yaml')}×`,
    `  bare js-yaml load + Ajv (schema only)  ${per('jsYaml')}  (the floor)`,
  ];
}

/** Time for single hostile files, each through the whole CLI. */
async function hostile(): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'ofm-bench-bad-'));
  await cp(join(root, 'schema'), join(dir, 'schema'), { recursive: true });
  await cp(join(root, 'features'), join(dir, 'features'), { recursive: true });
  const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) laughs.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
  const cases: Array<[string, string | Buffer]> = [
    ['billion laughs', `${laughs.join('\n')}\n`],
    ['nesting 128,000 deep (256 KiB)', `f: ${'['.repeat(MAX / 2 - 4)}${']'.repeat(MAX / 2 - 4)}\n`],
    ['256 KiB of keys (17,000)', Array.from({ length: 20_000 }, (_, i) => `key${i}: value`).join('\n').slice(0, MAX - 1)],
    ['256 KiB of list items', `a:\n${'  - x\n'.repeat(MAX / 6 - 2)}`],
    ['256 KiB one line', `a: "${'x'.repeat(MAX - 10)}"\n`],
    ['8 MiB file', 'a: b\n'.repeat(8 * 1024 * 1024 / 5)],
    ['20,000 duplicate keys', Array.from({ length: 20_000 }, () => 'k: v').join('\n')],
    ['Latin-1, 256 KiB', Buffer.from(`notes: ${'é'.repeat(MAX - 10)}\n`, 'latin1')],
  ];
  const lines = ['Hostile single files (whole CLI process, including its ~0.3 s start-up):'];
  for (const [name, content] of cases) {
    const path = join(dir, 'bad.yaml');
    await writeFile(path, content);
    const start = performance.now();
    const run = spawnSync(process.execPath, [join(root, 'scripts/ofm.js'), 'validate', '--format', 'json', path], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const ms = performance.now() - start;
    const rules = [...new Set((JSON.parse(run.stdout).findings as Array<{ rule: string }>).map((f) => f.rule))].join(', ');
    lines.push(`  ${name.padEnd(30)} ${ms.toFixed(0).padStart(5)} ms  exit ${run.status}  ${rules}`);
  }
  await rm(dir, { recursive: true, force: true });
  return lines;
}

const generated = await generatedProject(100, 10);
const report = [
  `Node ${process.version}, ${RUNS} rounds, medians (ratios taken within each round).`,
  ...(await measure('Shipped data', root)),
  ...(await measure('Generated: 1,000 submissions of 101 features (+100 operator.yaml, catalogue)', generated)),
  ...(await hostile()),
];
await rm(generated, { recursive: true, force: true });
process.stdout.write(`${report.join('\n')}\n`);
