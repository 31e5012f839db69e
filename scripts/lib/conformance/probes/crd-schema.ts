import type { Probe as ProbeDefinition } from '../../generated/conformance.ts';
import type { Probe } from '../probe.ts';
import { unknown } from '../probe.ts';
import { fieldInSchema, isEstablished, servedVersion } from './crds.ts';

type SchemaSpec = NonNullable<ProbeDefinition['schema']>;

/** The served CRD's OpenAPI schema has the fields (and lacks the absent ones). */
export function crdSchemaProbe(spec: SchemaSpec): Probe {
  const { resource } = spec;
  const fields = spec.fields ?? [];
  const absentFields = spec.absent ?? [];
  const target = `${resource.kind}${resource.group ? `.${resource.group}` : ''}`;
  return {
    name: `schema ${target}: ${[...fields, ...absentFields.map((f) => `!${f}`)].join(', ')}`,
    level: 'api',
    async run({ operator, cluster }) {
      const crds = operator.crds.length > 0 ? operator.crds : await cluster.customResourceDefinitions();
      const crd = crds.find((c) => c.spec.names.kind === resource.kind && (resource.group === undefined || c.spec.group === resource.group));
      if (!crd) return { shows: 'absent', observed: `No CustomResourceDefinition serves ${target}.` };
      if (!isEstablished(crd)) return unknown(`The CustomResourceDefinition of ${target} is not established.`);
      const version = servedVersion(crd, resource.version);
      if (!version) return { shows: 'absent', observed: `${target} is not served in version ${resource.version}.` };
      const schema = version.schema?.openAPIV3Schema;
      if (!schema) return unknown(`${target} ${version.name} publishes no schema.`);
      const where = `${target} ${version.name}`;
      const missing = fields.filter((f) => fieldInSchema(schema, f) === 'absent');
      const unclear = fields.filter((f) => fieldInSchema(schema, f) === 'unknown');
      const unwanted = absentFields.filter((f) => fieldInSchema(schema, f) === 'present');
      if (missing.length > 0) return { shows: 'absent', observed: `${where} has no ${missing.join(', ')}.` };
      if (unwanted.length > 0) return { shows: 'absent', observed: `${where} has ${unwanted.join(', ')}, which the probe expects absent.` };
      if (unclear.length > 0) return unknown(`${where} keeps unknown fields where ${unclear.join(', ')} would be, so the schema cannot tell.`);
      return { shows: 'present', observed: `${where} has ${fields.join(', ') || 'the fields'}${absentFields.length ? ` and no ${absentFields.join(', ')}` : ''}.` };
    },
  };
}
