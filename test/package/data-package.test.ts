// The data package as a consumer gets it: built by `npm run package:data`, packed by npm,
// installed from the tarball into an empty folder outside the repository, and imported there
// with Node.js 24 and type-checked with tsc.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createAjv } from '../../scripts/lib/ajv.ts';
import type { DataPackage } from '../../scripts/lib/generated/data-package.ts';
import { compareVersions } from '../../scripts/lib/releases.ts';
import { schemas } from '../../scripts/lib/schemas.ts';
import { repoRoot } from '../helpers/project.ts';

const run = promisify(execFile);
const NODE = join(repoRoot, 'node_modules/node/bin/node');
const TSC = join(repoRoot, 'node_modules/typescript/bin/tsc');
const NAME = '@operator-feature-matrix/data';

/** Runs a command; its exit code and output, whether or not it succeeded. */
async function sh(file: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(file, args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

const buildPackage = (out: string, ...args: string[]) => sh(NODE, ['scripts/package-data.ts', '--out', out, ...args], repoRoot);

const readYaml = (path: string) => parse(readFileSync(join(repoRoot, path), 'utf8')) as Record<string, unknown>;

let temp: string;
let consumer: string;
let packed: { filename: string; size: number; files: { path: string }[] };
let imported: { resolved: string; data: DataPackage };

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'ofm-data-package-'));
  const built = await buildPackage(join(temp, 'package'));
  expect(built, built.stderr).toMatchObject({ code: 0 });
  const pack = await sh('npm', ['pack', join(temp, 'package'), '--pack-destination', temp, '--json', '--cache', join(temp, 'npm-cache')], temp);
  expect(pack.code, pack.stderr).toBe(0);
  packed = (JSON.parse(pack.stdout) as (typeof packed)[])[0]!;
  consumer = join(temp, 'consumer');
  await mkdir(consumer);
  await writeFile(join(consumer, 'package.json'), '{ "name": "consumer", "private": true, "type": "module" }\n');
  const install = await sh('npm', ['install', join(temp, packed.filename), '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--cache', join(temp, 'npm-cache')], consumer);
  expect(install.code, install.stderr).toBe(0);
  // The consumer prints where the package resolved and what it exports.
  await writeFile(join(consumer, 'print.js'), `import data from '${NAME}';\nprocess.stdout.write(JSON.stringify({ resolved: import.meta.resolve('${NAME}'), data }));\n`);
  const printed = await sh(NODE, ['print.js'], consumer);
  expect(printed.code, printed.stderr).toBe(0);
  imported = JSON.parse(printed.stdout) as typeof imported;
}, 180_000);

afterAll(async () => {
  if (temp) await rm(temp, { recursive: true, force: true });
});

describe('the data package, installed from its tarball', () => {
  it('is imported from the installed copy, with Node.js 24', () => {
    expect(imported.resolved).toBe(`file://${join(consumer, 'node_modules', NAME, 'index.js')}`);
  });

  it('holds its files, an Apache-2.0 licence and no dependencies', async () => {
    expect(packed.files.map((f) => f.path).sort()).toEqual(
      ['CHANGELOG.md', 'LICENSE', 'README.md', 'data.json', 'index.d.ts', 'index.js', 'package.json', 'schema/catalogue.schema.json', 'schema/data-package.schema.json', 'schema/matrix-export.schema.json', 'schema/operator.schema.json'].sort(),
    );
    const manifest = JSON.parse(await readFile(join(consumer, 'node_modules', NAME, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: NAME, license: 'Apache-2.0', type: 'module', types: './index.d.ts', exports: { '.': { types: './index.d.ts', default: './index.js' } } });
    expect(manifest).not.toHaveProperty('dependencies');
    expect(manifest['version']).toBe(imported.data.version);
  });

  it('validates against its schema', () => {
    const validate = createAjv().getSchema(schemas.dataPackage.$id)!;
    expect(validate(imported.data), JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toBe(true);
    const shipped = JSON.parse(readFileSync(join(consumer, 'node_modules', NAME, 'schema/data-package.schema.json'), 'utf8')) as unknown;
    expect(shipped).toEqual(schemas.dataPackage);
  });

  it('has a version made of the catalogue version and the date of the newest data', () => {
    const catalogue = readYaml('features/postgres/catalogue.yaml') as { version: string };
    const [major, minor] = catalogue.version.split('.');
    expect(imported.data.version).toBe(`${major}.${minor}.${imported.data.updated_at.slice(0, 10).replaceAll('-', '')}`);
    // The newest date of the data: a conformance run or evidence check is at least as new as any release.
    const folder = 'submissions/postgres/cloudnative-pg';
    const report = JSON.parse(readFileSync(join(repoRoot, folder, readdirSync(join(repoRoot, folder)).find((f) => f.endsWith('.conformance.json'))!), 'utf8')) as { finished_at: string };
    expect(Date.parse(imported.data.updated_at)).toBeGreaterThanOrEqual(Date.parse(report.finished_at));
  });

  it("has cloudnative-pg's newest release with its claims and how much is known about them", () => {
    const folder = 'submissions/postgres/cloudnative-pg';
    const versions = readdirSync(join(repoRoot, folder)).flatMap((f) => (/^\d.*\.yaml$/.test(f) ? [f.slice(0, -'.yaml'.length)] : [])).sort(compareVersions);
    const newest = versions.at(-1)!;
    const operator = imported.data.technologies['postgres']!.operators['cloudnative-pg']!;
    expect(operator.metadata).toEqual(readYaml(`${folder}/operator.yaml`));
    expect(operator.releases.map((r) => r.version)).toEqual([...versions].reverse());
    const release = operator.releases[0]!;
    const submitted = (readYaml(`${folder}/${newest}.yaml`) as { features: Record<string, { value?: unknown }> }).features;
    expect(submitted['mcrds']?.value).toBe(true);
    expect(release.claims['mcrds']).toMatchObject({ feature: 'mcrds', version: newest, support: 'full', value: true, display: 'Yes' });
    // Its knowledge is what the conformance run of that release found.
    const report = JSON.parse(readFileSync(join(repoRoot, folder, `${newest}.conformance.json`), 'utf8')) as { finished_at: string; features: { feature: string; verdict: string; level?: string }[] };
    const confirmed = report.features.find((f) => f.verdict === 'confirmed')!;
    expect(release.claims[confirmed.feature]?.knowledge).toMatchObject({ level: `${confirmed.level ?? 'api'}-confirmed`, since: report.finished_at.slice(0, 10) });
    // And the matrix shows the same release.
    const matrix = imported.data.technologies['postgres']!.matrix;
    expect(matrix.cells.find((c) => c.operator === 'cloudnative-pg' && c.feature === 'mcrds')).toEqual(release.claims['mcrds']);
  });

  it('names in its CHANGELOG the claims that differ between two releases of cloudnative-pg, and only those', async () => {
    const folder = 'submissions/postgres/cloudnative-pg';
    const [older, newer] = readdirSync(join(repoRoot, folder)).flatMap((f) => (/^\d.*\.yaml$/.test(f) ? [f.slice(0, -'.yaml'.length)] : [])).sort(compareVersions).slice(-2);
    const catalogue = readYaml('features/postgres/catalogue.yaml') as { features: { id: string; name: string; aliases?: string[] }[] };
    const featureOf = (key: string) => catalogue.features.find((f) => f.id === key || f.aliases?.includes(key));
    type Claim = { value?: unknown; support?: string };
    const claims = (version: string) => {
      const features = (readYaml(`${folder}/${version}.yaml`) as { features: Record<string, Claim> }).features;
      return new Map(Object.entries(features).map(([key, claim]) => [featureOf(key)!.id, claim]));
    };
    const [before, after] = [claims(older!), claims(newer!)];
    const known = (c: Claim | undefined) => c !== undefined && c.support !== 'unknown';
    const differing = catalogue.features
      .filter((f) => {
        const [b, a] = [before.get(f.id), after.get(f.id)];
        if (!known(b) && !known(a)) return false;
        return known(b) !== known(a) || JSON.stringify([b?.value, b?.support]) !== JSON.stringify([a?.value, a?.support]);
      })
      .map((f) => f.name);
    expect(differing.length).toBeGreaterThan(0);

    const changelog = await readFile(join(consumer, 'node_modules', NAME, 'CHANGELOG.md'), 'utf8');
    const heading = `### CloudNativePG ${newer} `;
    const section = changelog.slice(changelog.indexOf(heading), changelog.indexOf('\n### ', changelog.indexOf(heading) + 1));
    expect(section).toContain(`Since ${older}:`);
    const named = [...section.matchAll(/^- (?:Added|Removed|Changed): (.+?), /gm)].map((m) => m[1]!.replaceAll('\\', ''));
    expect(named.sort()).toEqual([...differing].sort());
    // Newest first: the newer release comes before the older one.
    expect(changelog.indexOf(heading)).toBeLessThan(changelog.indexOf(`### CloudNativePG ${older} `));
  });

  it('has types that check a consumer, and reject a wrong use', async () => {
    const use = `import data, { type DataPackage, type Cell } from '${NAME}';
const whole: DataPackage = data;
const cell: Cell | undefined = whole.technologies['postgres']?.operators['cloudnative-pg']?.releases[0]?.claims['mcrds'];
const level: 'declared' | 'evidence-checked' | 'api-confirmed' | 'controller-confirmed' | 'behaviour-confirmed' | 'contradicted' | undefined = cell?.knowledge?.level;
export { level };
`;
    await writeFile(join(consumer, 'use.mts'), use);
    const good = await sh(NODE, [TSC, '--noEmit', '--strict', '--module', 'nodenext', 'use.mts'], consumer);
    expect(good, good.stdout).toMatchObject({ code: 0 });
    // The types are not `any`: a wrong use is an error.
    await writeFile(join(consumer, 'misuse.mts'), `import data from '${NAME}';\nconst count: number = data.version;\nexport { count };\n`);
    const bad = await sh(NODE, [TSC, '--noEmit', '--strict', '--module', 'nodenext', 'misuse.mts'], consumer);
    expect(bad.code).not.toBe(0);
    expect(bad.stdout).toMatch(/misuse\.mts.*TS2322/);
  });
});

describe('the package build', () => {
  it('takes a version as given, and otherwise makes the same data from the same input', async () => {
    const out = join(temp, 'given');
    const built = await buildPackage(out, '--version', '2.1.0');
    expect(built, built.stderr).toMatchObject({ code: 0 });
    const data = JSON.parse(await readFile(join(out, 'data.json'), 'utf8')) as DataPackage;
    expect(data.version).toBe('2.1.0');
    expect(JSON.parse(await readFile(join(out, 'package.json'), 'utf8'))).toMatchObject({ version: '2.1.0' });
    expect({ ...data, version: imported.data.version }).toEqual(imported.data);
  }, 60_000);

  it('refuses a version that is not a plain semantic version, and a folder it did not make', async () => {
    const wrong = await buildPackage(join(temp, 'wrong'), '--version', 'v1.2');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('"v1.2" is not a semantic version');
    const foreign = join(temp, 'foreign');
    await mkdir(foreign);
    await writeFile(join(foreign, 'keep.txt'), 'not ours\n');
    const refused = await buildPackage(foreign);
    expect(refused.code).toBe(2);
    expect(readFileSync(join(foreign, 'keep.txt'), 'utf8')).toBe('not ours\n');
  }, 60_000);

  it('stops when a data file has errors, and names it', async () => {
    const project = join(temp, 'broken-project');
    for (const folder of ['schema', 'features', 'submissions']) await cp(join(repoRoot, folder), join(project, folder), { recursive: true });
    const file = 'submissions/postgres/cloudnative-pg/operator.yaml';
    await writeFile(join(project, file), (await readFile(join(project, file), 'utf8')).replace(/^license: .*$/m, 'license: 42'));
    const out = join(temp, 'broken');
    const built = await sh(NODE, ['scripts/package-data.ts', '--out', out], repoRoot, { OFM_DATA_ROOT: project });
    expect(built.code).toBe(1);
    expect(built.stderr).toContain(file);
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
