import { describe, expect, it } from 'vitest';
import type { ValidateFunction } from '../../scripts/lib/ajv.ts';
import { checkValue } from '../../scripts/lib/feature-values.ts';
import { openProject } from '../../scripts/lib/project.ts';
import { submissionSchemaFor } from '../../scripts/lib/submission-schema.ts';
import { repoRoot } from '../helpers/project.ts';

const project = await openProject(repoRoot);
const index = project.catalogues.get('postgres')!;
const schema = submissionSchemaFor(index.catalogue);
const validate = project.ajv.compile(schema) as ValidateFunction;

const samples: unknown[] = [true, false, 0, 3, -1, 'Helm', 'helm', 'other: Carvel', 'other:', '17', '16.4', '1.33', 'Complete', 'Auto Pilot', '', [], ['Helm'], ['amd64', 'amd64'], ['17', '16'], ['other: x'], ['offline', 'cdc']];

describe('value checks', () => {
  it('agree with the generated editor schema for every feature and sample value', () => {
    for (const feature of index.catalogue.features) {
      for (const value of samples) {
        const data = { catalogue: 'postgres@1.0.0', operator: 'demo', version: '1.0.0', released: '2026-01-01', features: { [feature.id]: { value } } };
        const editorSays = validate(data);
        const ruleSays = checkValue(feature, value as never).length === 0;
        expect(ruleSays, `${feature.id} = ${JSON.stringify(value)}: editor ${editorSays}, rule ${ruleSays}`).toBe(editorSays);
      }
    }
  });
});
