// Finds the operator in a cluster as its conformance.yaml describes it: its CRDs, its Deployment,
// the container that runs it and the release that container reports.
import type { ConformanceDefinitions } from '../generated/conformance.ts';
import type { Cluster, V1Deployment } from '../kubernetes/cluster.ts';
import type { OperatorInCluster } from './probe.ts';

/** The release in an image reference: the tag without a leading "v" (registry/x/op:v1.30.0 → 1.30.0). */
export function imageVersion(image: string): string | undefined {
  const withoutDigest = image.split('@')[0]!;
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  if (colon <= slash) return undefined;
  const tag = withoutDigest.slice(colon + 1);
  return /^v?\d+\.\d+/.test(tag) ? tag.replace(/^v/, '') : undefined;
}

function versionOf(deployment: V1Deployment, container: string | undefined, definitions: ConformanceDefinitions): string | undefined {
  const how = definitions.detect.version ?? { from: 'image-tag' };
  const spec = deployment.spec?.template.spec;
  const running = spec?.containers.find((c) => c.name === container) ?? spec?.containers[0];
  switch (how.from ?? 'image-tag') {
    case 'label':
      return (how.name && (deployment.metadata?.labels?.[how.name] ?? deployment.spec?.template.metadata?.labels?.[how.name]))?.replace(/^v/, '') || undefined;
    case 'env':
      return running?.env?.find((e) => e.name === how.name)?.value?.replace(/^v/, '') || undefined;
    default:
      return running?.image ? imageVersion(running.image) : undefined;
  }
}

export async function detectOperator(cluster: Cluster, definitions: ConformanceDefinitions): Promise<OperatorInCluster> {
  const groups = new Set(definitions.detect.crd_groups);
  const crds = (await cluster.customResourceDefinitions()).filter((crd) => groups.has(crd.spec.group));
  const wanted = definitions.detect.deployment;
  const found = await cluster.deployments({ namespace: wanted.namespace, name: wanted.name, labels: wanted.labels });
  const where = `${wanted.name ? `named ${wanted.name}` : `labelled ${Object.entries(wanted.labels ?? {}).map(([k, v]) => `${k}=${v}`).join(',')}`}${wanted.namespace ? ` in ${wanted.namespace}` : ''}`;
  if (found.length === 0) return { crds, missing: `no Deployment ${where}` };
  if (found.length > 1) return { crds, missing: `${found.length} Deployments ${where}; name one in conformance.yaml` };
  const deployment = found[0]!;
  const containers = deployment.spec?.template.spec?.containers ?? [];
  const container = wanted.container ?? containers[0]?.name;
  return { deployment, container, version: versionOf(deployment, container, definitions), crds };
}
