// A local Kubernetes control plane for tests and benchmarks, built from the Go module proxy:
// etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kubectl, kwok (fake nodes) and
// CloudNativePG's manager (a real operator); and, built the same way, the tools tests run
// (actionlint, for the GitHub workflows). Each is built once into a cache outside the
// repository, keyed by version; building needs Go and the module proxy, nothing else.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

export const VERSIONS = {
  kubernetes: 'v1.37.2',
  etcd: 'v3.7.3',
  kwok: 'v0.8.0',
  cloudnativePg: 'v1.30.0',
  actionlint: 'v1.7.12',
} as const;

export type Component = 'kubernetes' | 'etcd' | 'kwok' | 'cloudnative-pg' | 'actionlint';

/** Everything `npm run control-plane -- build` builds, in build order. */
export const COMPONENTS: readonly Component[] = ['etcd', 'kubernetes', 'kwok', 'cloudnative-pg', 'actionlint'];

/** Where built binaries are kept: $OFM_CACHE_DIR, else $XDG_CACHE_HOME/ofm, else ~/.cache/ofm. */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env['OFM_CACHE_DIR'] ?? join(env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'ofm');
}

// Tools are not part of the control plane, so they get a folder of their own beside it.
const PLACES: Record<Component, { readonly folder: 'control-plane' | 'tools'; readonly version: string }> = {
  kubernetes: { folder: 'control-plane', version: VERSIONS.kubernetes },
  etcd: { folder: 'control-plane', version: VERSIONS.etcd },
  kwok: { folder: 'control-plane', version: VERSIONS.kwok },
  'cloudnative-pg': { folder: 'control-plane', version: VERSIONS.cloudnativePg },
  actionlint: { folder: 'tools', version: VERSIONS.actionlint },
};

const folderOf = (component: Component, root: string) => join(root, PLACES[component].folder, `${component}-${PLACES[component].version}`);

export interface Binaries {
  readonly etcd: string;
  readonly kubeApiserver: string;
  readonly kubeControllerManager: string;
  readonly kubeScheduler: string;
  /** For people looking into a cluster the tests or `npm run control-plane -- start` run. */
  readonly kubectl: string;
  readonly kwok: string;
  /** kwok's stage definitions (node and pod life cycles), from its module. */
  readonly kwokStages: string;
  readonly cloudnativePgManager: string;
}

export function binaries(root = cacheRoot()): Binaries {
  return {
    etcd: join(folderOf('etcd', root), 'etcd'),
    kubeApiserver: join(folderOf('kubernetes', root), 'kube-apiserver'),
    kubeControllerManager: join(folderOf('kubernetes', root), 'kube-controller-manager'),
    kubeScheduler: join(folderOf('kubernetes', root), 'kube-scheduler'),
    kubectl: join(folderOf('kubernetes', root), 'kubectl'),
    kwok: join(folderOf('kwok', root), 'kwok'),
    kwokStages: join(folderOf('kwok', root), 'stages.yaml'),
    cloudnativePgManager: join(folderOf('cloudnative-pg', root), 'manager'),
  };
}

export interface Tools {
  /** rhysd/actionlint, the GitHub Actions workflow checker. */
  readonly actionlint: string;
}

export function tools(root = cacheRoot()): Tools {
  return { actionlint: join(folderOf('actionlint', root), 'actionlint') };
}

/** What a component's build leaves in its folder. */
function productsOf(component: Component, root: string): string[] {
  const folder = folderOf(component, root);
  const all = [...Object.values(binaries(root)), ...Object.values(tools(root))];
  return all.filter((path) => path.startsWith(`${folder}/`));
}

/**
 * Whether a component's build finished (a half-built folder has no marker) and left everything
 * this version of OFM expects (a cache from an older one may lack a binary added since).
 */
export function isBuilt(component: Component, root = cacheRoot()): boolean {
  return existsSync(join(folderOf(component, root), '.complete')) && productsOf(component, root).every((path) => existsSync(path));
}

/** The components whose binaries are not in the cache yet. */
export function missingComponents(root = cacheRoot(), components: readonly Component[] = COMPONENTS): Component[] {
  return components.filter((c) => !isBuilt(c, root));
}

type Log = (line: string) => void;

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv, log: Log): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d));
    child.stderr.on('data', (d: Buffer) => {
      output += d;
      for (const line of d.toString().split('\n').filter(Boolean)) log(`  ${line}`);
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${output.slice(-4000)}`))));
  });
}

const goEnv = (): NodeJS.ProcessEnv => ({ ...process.env, CGO_ENABLED: '0', GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' });

/** A throw-away module that requires `module@version` and builds `packages` from it. */
async function buildFromWrapper(options: {
  module: string;
  version: string;
  packages: readonly string[];
  /** A main package of the wrapper's own, built as `binary`. */
  main?: { readonly source: string; readonly binary: string };
  replaceStaging?: boolean;
  ldflags?: string;
  out: string;
  log: Log;
}): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'ofm-go-'));
  try {
    const env = goEnv();
    let mod = `module ofm.invalid/wrapper\n\ngo 1.26\n\nrequire ${options.module} ${options.version}\n`;
    await writeFile(join(dir, 'go.mod'), mod);
    if (options.replaceStaging) {
      // k8s.io/kubernetes requires its staging modules as v0.0.0 with replace directives that only
      // work inside its repository: point each at the published release instead.
      const { Dir } = JSON.parse(await run('go', ['mod', 'download', '-json', `${options.module}@${options.version}`], dir, env, options.log)) as { Dir: string };
      const staging = (await readFile(join(Dir, 'go.mod'), 'utf8'))
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.startsWith('k8s.io/') && line.endsWith(' v0.0.0'))
        .map((line) => line.slice(0, -' v0.0.0'.length));
      const release = options.version.replace(/^v1\./, 'v0.');
      mod += staging.map((m) => `replace ${m} => ${m} ${release}\n`).join('');
    }
    await writeFile(join(dir, 'go.mod'), mod);
    await writeFile(
      join(dir, options.main ? 'main.go' : 'tools.go'),
      options.main?.source ?? `//go:build tools\n\npackage tools\n\nimport (\n${options.packages.map((p) => `\t_ "${p}"\n`).join('')})\n`,
    );
    await run('go', ['mod', 'tidy'], dir, env, options.log);
    await mkdir(options.out, { recursive: true });
    const [output, targets] = options.main ? [join(options.out, options.main.binary), ['.']] : [`${options.out}/`, options.packages];
    await run('go', ['build', '-trimpath', '-ldflags', `-s -w ${options.ldflags ?? ''}`.trim(), '-o', output, ...targets], dir, env, options.log);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Version stamps, so that /version reports the release instead of v0.0.0-master. */
function kubernetesLdflags(version: string): string {
  const [major, minor] = version.replace(/^v/, '').split('.');
  return ['k8s.io/component-base/version', 'k8s.io/client-go/pkg/version']
    .flatMap((p) => [`-X ${p}.gitVersion=${version}`, `-X ${p}.gitMajor=${major}`, `-X ${p}.gitMinor=${minor}`, `-X ${p}.gitTreeState=clean`])
    .join(' ');
}

async function buildComponent(component: Component, root: string, log: Log): Promise<void> {
  const out = folderOf(component, root);
  await rm(out, { recursive: true, force: true });
  switch (component) {
    case 'etcd':
      await buildFromWrapper({
        module: 'go.etcd.io/etcd/server/v3',
        version: VERSIONS.etcd,
        packages: [],
        main: { binary: 'etcd', source: 'package main\n\nimport (\n\t"os"\n\n\t"go.etcd.io/etcd/server/v3/etcdmain"\n)\n\nfunc main() { etcdmain.Main(os.Args) }\n' },
        out,
        log,
      });
      break;
    case 'kubernetes':
      await buildFromWrapper({
        module: 'k8s.io/kubernetes',
        version: VERSIONS.kubernetes,
        packages: ['k8s.io/kubernetes/cmd/kube-apiserver', 'k8s.io/kubernetes/cmd/kube-controller-manager', 'k8s.io/kubernetes/cmd/kube-scheduler', 'k8s.io/kubernetes/cmd/kubectl'],
        replaceStaging: true,
        ldflags: kubernetesLdflags(VERSIONS.kubernetes),
        out,
        log,
      });
      break;
    case 'kwok': {
      await buildFromWrapper({ module: 'sigs.k8s.io/kwok', version: VERSIONS.kwok, packages: ['sigs.k8s.io/kwok/cmd/kwok'], out, log });
      // kwok needs stage definitions to move nodes and pods along; they ship in its module.
      const { Dir } = JSON.parse(await run('go', ['mod', 'download', '-json', `sigs.k8s.io/kwok@${VERSIONS.kwok}`], out, goEnv(), log)) as { Dir: string };
      const stages: string[] = [];
      for (const folder of ['node/fast', 'node/heartbeat-with-lease', 'pod/fast']) {
        const path = join(Dir, 'kustomize/stage', folder);
        for (const file of (await readdir(path)).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml').sort()) stages.push(await readFile(join(path, file), 'utf8'));
      }
      await writeFile(join(out, 'stages.yaml'), stages.map((s) => s.trim()).join('\n---\n') + '\n');
      break;
    }
    case 'cloudnative-pg':
      await buildFromWrapper({ module: 'github.com/cloudnative-pg/cloudnative-pg', version: VERSIONS.cloudnativePg, packages: ['github.com/cloudnative-pg/cloudnative-pg/cmd/manager'], out, log });
      break;
    case 'actionlint':
      await buildFromWrapper({
        module: 'github.com/rhysd/actionlint',
        version: VERSIONS.actionlint,
        packages: ['github.com/rhysd/actionlint/cmd/actionlint'],
        // Built inside a wrapper module, `actionlint -version` would otherwise not know its own.
        ldflags: `-X github.com/rhysd/actionlint.version=${VERSIONS.actionlint}`,
        out,
        log,
      });
      break;
  }
  await writeFile(join(out, '.complete'), `${new Date().toISOString()}\n`);
}

/** Builds what is missing from the cache; answers how long each build took, in seconds. */
export async function ensureBinaries(log: Log = () => undefined, root = cacheRoot(), components: readonly Component[] = COMPONENTS): Promise<Map<Component, number>> {
  const took = new Map<Component, number>();
  for (const component of missingComponents(root, components)) {
    const start = Date.now();
    log(`Building ${component} into ${folderOf(component, root)} (first use only)…`);
    await buildComponent(component, root, log);
    took.set(component, (Date.now() - start) / 1000);
  }
  return took;
}
