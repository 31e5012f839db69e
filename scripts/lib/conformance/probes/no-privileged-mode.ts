import type { V1Container, V1PodSecurityContext } from '@kubernetes/client-node';
import type { Probe } from '../probe.ts';
import { unknown } from '../probe.ts';

/** What in one container breaks "no privileged mode", and whether it is known to run as non-root. */
function inspect(container: V1Container, pod: V1PodSecurityContext | undefined): { problems: string[]; nonRoot: boolean } {
  const context = container.securityContext ?? {};
  const problems: string[] = [];
  if (context.privileged) problems.push(`${container.name} is privileged`);
  if (context.allowPrivilegeEscalation === true) problems.push(`${container.name} allows privilege escalation`);
  const added = (context.capabilities?.add ?? []).filter((c) => c !== 'NET_BIND_SERVICE');
  if (added.length > 0) problems.push(`${container.name} adds capabilities ${added.join(', ')}`);
  const user = context.runAsUser ?? pod?.runAsUser;
  if (user === 0) problems.push(`${container.name} runs as root (runAsUser 0)`);
  const nonRoot = (context.runAsNonRoot ?? pod?.runAsNonRoot) === true || (user !== undefined && user > 0);
  return { problems, nonRoot };
}

/** The operator's pod runs without privileged mode, as non-root. */
export const noPrivilegedMode: Probe = {
  name: 'no-privileged-mode',
  level: 'api',
  async run({ operator }) {
    const spec = operator.deployment?.spec?.template.spec;
    if (!spec) return unknown(`The operator's Deployment was not found (${operator.missing}).`);
    const problems: string[] = [];
    if (spec.hostNetwork) problems.push('the pod uses the host network');
    if (spec.hostPID) problems.push("the pod shares the host's process namespace");
    if (spec.hostIPC) problems.push("the pod shares the host's IPC namespace");
    const containers = [...(spec.initContainers ?? []), ...spec.containers];
    const inspected = containers.map((c) => inspect(c, spec.securityContext));
    problems.push(...inspected.flatMap((i) => i.problems));
    if (problems.length > 0) return { shows: 'absent', observed: `In the operator's pod, ${problems.join('; ')}.` };
    const unsure = containers.filter((_, i) => !inspected[i]!.nonRoot).map((c) => c.name);
    if (unsure.length > 0) return unknown(`No container is privileged, but ${unsure.join(', ')} may run as root: neither runAsNonRoot nor a non-zero runAsUser is set (the image decides).`);
    return { shows: 'present', observed: `The operator's ${containers.length} container(s) run as non-root, unprivileged, without added capabilities or host namespaces. (Database pods are checked by scenarios.)` };
  },
};
