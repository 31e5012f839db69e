// Builds the site from a test project (real catalogue and schemas, fixture submissions), serves
// it on 127.0.0.1 and opens Debian's Chromium through playwright-core.
import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { serveStatic, type RunningServer } from '../../scripts/lib/static-server.ts';
import { repoRoot } from './project.ts';

export const CHROMIUM = process.env['OFM_CHROMIUM'] ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu', '--no-first-run'],
  });
}

export interface BuiltSite {
  readonly url: string;
  readonly out: string;
  close(): Promise<void>;
}

/** The environment without what Vitest sets for its own Vite (BASE_URL would override the site's base path). */
function viteFree(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, ...rest } = env;
  return rest;
}

/** Builds the site from `submissions` (a folder laid out like submissions/) and serves it; `env` adds settings such as OFM_SITE_URL. */
export async function buildSite(submissions: string, env: Readonly<Record<string, string>> = {}): Promise<BuiltSite> {
  const project = await mkdtemp(join(tmpdir(), 'ofm-site-data-'));
  const out = await mkdtemp(join(tmpdir(), 'ofm-site-out-'));
  await cp(join(repoRoot, 'schema'), join(project, 'schema'), { recursive: true });
  await cp(join(repoRoot, 'features'), join(project, 'features'), { recursive: true });
  await cp(submissions, join(project, 'submissions'), { recursive: true });
  const child = spawn(process.execPath, [join(repoRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
    cwd: repoRoot,
    env: { ...viteFree(process.env), OFM_DATA_ROOT: project, OFM_SITE_OUT: out, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`astro build failed:\n${output}`);
  const server: RunningServer = await serveStatic(out, 0, env['OFM_SITE_BASE'] ?? '/');
  return {
    url: server.url,
    out,
    close: async () => {
      await server.close();
      await rm(project, { recursive: true, force: true });
      await rm(out, { recursive: true, force: true });
    },
  };
}
