import type { V1PolicyRule } from '@kubernetes/client-node';
import type { Probe } from '../probe.ts';
import { unknown } from '../probe.ts';

const describe = (rule: V1PolicyRule) => `${(rule.verbs ?? []).join(',')} on ${(rule.apiGroups ?? ['']).map((g) => g || 'core').join(',')}/${(rule.resources ?? []).join(',')}`;

/** A rule that reaches every resource of the core group or of every group. */
const everyResource = (rule: V1PolicyRule) =>
  (rule.resources ?? []).includes('*') && (rule.apiGroups ?? []).some((group) => group === '*' || group === '');

/** The operator's service account holds only named permissions: no "*" on all resources. */
export const fineGrainedRbac: Probe = {
  name: 'fine-grained-rbac',
  level: 'api',
  async run({ cluster, operator }) {
    const deployment = operator.deployment;
    if (!deployment) return unknown(`The operator's Deployment was not found (${operator.missing}).`);
    const namespace = deployment.metadata?.namespace ?? 'default';
    const account = deployment.spec?.template.spec?.serviceAccountName || 'default';
    const isOperator = (subjects: Array<{ kind: string; name: string; namespace?: string }> | undefined) =>
      (subjects ?? []).some((s) => s.kind === 'ServiceAccount' && s.name === account && (s.namespace ?? namespace) === namespace);

    const rules: Array<{ role: string; rule: V1PolicyRule; clusterWide: boolean }> = [];
    for (const binding of (await cluster.clusterRoleBindings()).filter((b) => isOperator(b.subjects))) {
      const role = await cluster.clusterRole(binding.roleRef.name);
      for (const rule of role?.rules ?? []) rules.push({ role: `ClusterRole/${binding.roleRef.name}`, rule, clusterWide: true });
    }
    for (const binding of (await cluster.roleBindings()).filter((b) => isOperator(b.subjects))) {
      const ns = binding.metadata?.namespace ?? namespace;
      const role = binding.roleRef.kind === 'ClusterRole' ? await cluster.clusterRole(binding.roleRef.name) : await cluster.role(ns, binding.roleRef.name);
      for (const rule of role?.rules ?? []) rules.push({ role: `${binding.roleRef.kind}/${binding.roleRef.name} in ${ns}`, rule, clusterWide: false });
    }
    if (account === 'default') return { shows: 'absent', observed: `The operator runs as the "default" service account of ${namespace}, not one of its own.` };
    if (rules.length === 0) return unknown(`No role is bound to the service account ${namespace}/${account}.`);
    const wildcard = rules.find(({ rule }) => everyResource(rule));
    if (wildcard) return { shows: 'absent', observed: `${wildcard.role} grants ${describe(wildcard.rule)} to ${namespace}/${account}: every resource.` };
    const secrets = rules.some(({ rule, clusterWide }) => clusterWide && (rule.apiGroups ?? ['']).includes('') && (rule.resources ?? []).some((r) => r === 'secrets' || r === '*'));
    const roles = new Set(rules.map((r) => r.role)).size;
    return {
      shows: 'present',
      observed: `${rules.length} rules in ${roles} role(s) bound to ${namespace}/${account}, none on every resource${secrets ? '; it may read secrets cluster-wide' : ''}.`,
    };
  },
};
