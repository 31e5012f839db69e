// Plausible values and projects for generated benchmark data.
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature } from '../scripts/lib/catalogue.ts';
import { openProject } from '../scripts/lib/project.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A valid value of the feature's type, varied by `seed`. */
export function sampleValue(feature: Feature, seed: number): unknown {
  switch (feature.type) {
    case 'boolean':
      return seed % 4 !== 0;
    case 'integer':
      return seed % 60;
    case 'string':
      return feature.values?.allowed?.[seed % feature.values.allowed.length]?.value ?? `Text ${seed}`;
    case 'string_array':
      if (feature.values?.pattern) return feature.id === 'k8ver' ? ['1.34', '1.33', '1.32'] : ['18', '17', '16'];
      return (feature.values?.allowed ?? [{ value: 'a' }, { value: 'b' }]).slice(0, 1 + (seed % 3)).map((a) => a.value);
  }
}

/** A project with `operators` × `versions` valid submissions of every feature. */
export async function generatedProject(operators: number, versions: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ofm-bench-'));
  await cp(join(root, 'schema'), join(dir, 'schema'), { recursive: true });
  await cp(join(root, 'features'), join(dir, 'features'), { recursive: true });
  const { catalogues } = await openProject(root);
  const features = catalogues.get('postgres')!.catalogue.features;
  for (let o = 0; o < operators; o++) {
    const id = `operator-${o}`;
    const folder = join(dir, 'submissions/postgres', id);
    await mkdir(folder, { recursive: true });
    await writeFile(
      join(folder, 'operator.yaml'),
      `# yaml-language-server: $schema=../../../schema/operator.schema.json\nid: ${id}\nname: Operator ${o}\nvendor: Vendor ${o}\nhomepage: https://example.org/${id}\nrepository: https://github.com/example/${id}\nlicense: Apache-2.0\nmaintainers: [someone]\ndocumentation:\n  url: https://example.org/${id}/docs/{major}.{minor}/\n`,
    );
    for (let v = 0; v < versions; v++) {
      const version = `1.${v}.0`;
      const lines = ['# yaml-language-server: $schema=../../../schema/generated/postgres.submission.schema.json', 'catalogue: postgres@1.0.0', `operator: ${id}`, `version: "${version}"`, 'released: "2026-05-22"', 'features:'];
      features.forEach((feature, i) => {
        lines.push(`  ${feature.id}:`, `    value: ${JSON.stringify(sampleValue(feature, o + v + i))}`);
        lines.push('    evidence:', `      - title: Documentation`, `        url: https://example.org/${id}/docs/1.${v}/${feature.id}/#section`);
        if (i % 5 === 0) lines.push('    notes: Works with the default settings; see the linked section for the limits.');
      });
      await writeFile(join(folder, `${version}.yaml`), `${lines.join('\n')}\n`);
    }
  }
  return dir;
}
