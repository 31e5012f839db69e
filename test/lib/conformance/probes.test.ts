import { describe, expect, it } from 'vitest';
import { imageVersion } from '../../../scripts/lib/conformance/operator.ts';
import { fieldInSchema } from '../../../scripts/lib/conformance/probes/crds.ts';
import { minimumMinor } from '../../../scripts/lib/conformance/probes/kubernetes-version.ts';

const schema = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      properties: {
        tablespaces: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
        parameters: { type: 'object', additionalProperties: { type: 'string' } },
        extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
      },
    },
  },
};

describe('probe helpers', () => {
  it('finds field paths in an OpenAPI schema, through lists and maps', () => {
    expect(fieldInSchema(schema, 'spec.tablespaces.name')).toBe('present');
    expect(fieldInSchema(schema, 'spec.parameters.max_connections')).toBe('present');
    expect(fieldInSchema(schema, 'spec.sidecars')).toBe('absent');
    expect(fieldInSchema(schema, 'spec.extra.anything')).toBe('unknown');
  });

  it('reads the release from an image reference', () => {
    expect(imageVersion('ghcr.io/cloudnative-pg/cloudnative-pg:1.30.0')).toBe('1.30.0');
    expect(imageVersion('registry.example:5000/op:v2.0.1@sha256:abc')).toBe('2.0.1');
    expect(imageVersion('registry.example:5000/op')).toBeUndefined();
    expect(imageVersion('op:latest')).toBeUndefined();
  });

  it('knows which Kubernetes version the CRDs need from what they use', () => {
    const crd = (openAPIV3Schema: object, extra: object = {}) => ({ spec: { versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema }, ...extra }] } }) as never;
    expect(minimumMinor([crd({ type: 'object' })])).toEqual({ minor: 16, what: 'apiextensions.k8s.io/v1 CustomResourceDefinitions' });
    expect(minimumMinor([crd({ 'x-kubernetes-validations': [{ rule: 'self.a > 0' }] })]).minor).toBe(25);
    expect(minimumMinor([crd({ 'x-kubernetes-validations': [{ rule: 'x', messageExpression: '"m"' }] })]).minor).toBe(27);
    expect(minimumMinor([crd({ type: 'object' }, { selectableFields: [{ jsonPath: '.spec.x' }] })]).minor).toBe(31);
  });
});
