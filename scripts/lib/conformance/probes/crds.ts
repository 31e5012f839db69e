// Reading served CustomResourceDefinitions: which are established, a kind's served schema, and
// what a field path finds in it.
import type { V1CustomResourceDefinitionVersion } from '@kubernetes/client-node';
import type { V1CustomResourceDefinition } from '../../kubernetes/cluster.ts';

export const isEstablished = (crd: V1CustomResourceDefinition): boolean =>
  crd.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True') ?? false;

/** The served version named, or the storage version. */
export function servedVersion(crd: V1CustomResourceDefinition, name?: string): V1CustomResourceDefinitionVersion | undefined {
  const served = crd.spec.versions.filter((v) => v.served);
  return name ? served.find((v) => v.name === name) : (served.find((v) => v.storage) ?? served[0]);
}

interface SchemaNode {
  readonly type?: string;
  readonly properties?: Record<string, SchemaNode>;
  readonly additionalProperties?: SchemaNode | boolean;
  readonly items?: SchemaNode;
  readonly 'x-kubernetes-preserve-unknown-fields'?: boolean;
}

/**
 * Whether a dotted field path exists in an OpenAPI schema: lists are entered on their own, maps
 * through their value schema. "unknown" where the schema keeps unknown fields without naming them.
 */
export function fieldInSchema(schema: unknown, path: string): 'present' | 'absent' | 'unknown' {
  let node = schema as SchemaNode | undefined;
  for (const segment of path.split('.')) {
    while (node?.type === 'array' && node.items) node = node.items;
    if (!node) return 'absent';
    const next = node.properties?.[segment] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
    if (!next) return node['x-kubernetes-preserve-unknown-fields'] && !node.properties ? 'unknown' : 'absent';
    node = next;
  }
  return 'present';
}
