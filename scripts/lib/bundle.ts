// The esbuild bundle of the `ofm` command: a few files to load instead of a few hundred. The
// launcher (scripts/ofm.js) builds one in node_modules/.cache on first use, leaving the large
// packages to node_modules; scripts/package-cli.ts builds a standalone one for the npm package,
// which installs nothing beside it.
import { build, type Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** Packages the launcher's bundle leaves to Node: large, only needed by evidence and conform, and some read files beside their code. */
export const EXTERNAL = ['@kubernetes/client-node', '@octokit/*', 'undici', 'piscina', 'astro', 'playwright-core'];

export interface BundleOptions {
  /** The OFM repository: its scripts/ and node_modules/. */
  readonly root: string;
  readonly outdir: string;
  /**
   * Bundle every package, for a copy of OFM with no node_modules. Piscina's worker (which it
   * starts from beside its own code) becomes an entry point of the bundle, and its optional
   * native helper is left out (it runs without it).
   */
  readonly standalone?: boolean;
  readonly minify?: boolean;
  readonly logLevel?: 'silent' | 'warning';
}

/**
 * OFM takes only the RFC 3339 date formats from @hyperjump/json-schema-formats; its index also
 * loads an IDN table that costs a short run ~10 ms, so the bundle reads the dates module alone.
 */
const onlyDateFormats = (root: string): Plugin => ({
  name: 'only-date-formats',
  setup(setup) {
    setup.onResolve({ filter: /^@hyperjump\/json-schema-formats$/ }, () => ({ path: join(root, 'node_modules/@hyperjump/json-schema-formats/src/rfc3339.js') }));
  },
});

/**
 * The precompiled validators (generated/validators.ts) load Ajv's run-time helpers with a
 * require() of their own making, which esbuild leaves to run time, where a standalone bundle has
 * no node_modules: without that line, esbuild sees the calls and takes the helpers in.
 */
const VALIDATORS_REQUIRE = 'const require = createRequire(import.meta.url);';
const inlineValidatorHelpers: Plugin = {
  name: 'inline-validator-helpers',
  setup(setup) {
    setup.onLoad({ filter: /[\\/]generated[\\/]validators\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      if (!source.includes(VALIDATORS_REQUIRE)) throw new Error(`${path} no longer has "${VALIDATORS_REQUIRE}": update scripts/lib/bundle.ts to match scripts/lib/generate.ts.`);
      return { contents: source.replace(VALIDATORS_REQUIRE, ''), loader: 'ts' };
    });
  },
};

// Bundled CommonJS packages call require(); ESM output has none of its own.
const REQUIRE = "import { createRequire as __ofmCreateRequire } from 'node:module'; const require = __ofmCreateRequire(import.meta.url);";
// Piscina starts `worker.js` from its __dirname: in the standalone bundle, the bundle's folder.
const DIRNAME = 'const __ofmDirname = import.meta.dirname;';

export interface Bundle {
  /** The files it was built from, absolute. */
  readonly inputs: string[];
}

/** Builds the bundle into `outdir`: cli.js, page-worker.js and their chunks. */
export async function bundleCli({ root, outdir, standalone = false, minify = false, logLevel = 'silent' }: BundleOptions): Promise<Bundle> {
  const scripts = join(root, 'scripts');
  const entryPoints = [
    { in: join(scripts, 'cli.ts'), out: 'cli' },
    { in: join(scripts, 'lib/evidence/page-worker.ts'), out: 'page-worker' },
    ...(standalone ? [{ in: join(root, 'node_modules/piscina/dist/worker.js'), out: 'worker' }] : []),
  ];
  const result = await build({
    entryPoints,
    outdir,
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    external: standalone ? ['@napi-rs/nice'] : EXTERNAL,
    ...(standalone ? { define: { __dirname: '__ofmDirname' } } : {}),
    // Whitespace and syntax only: names stay, so a stack trace in a bug report still reads.
    ...(minify ? { minifyWhitespace: true, minifySyntax: true } : {}),
    metafile: true,
    logLevel,
    plugins: [onlyDateFormats(root), inlineValidatorHelpers],
    banner: { js: standalone ? `${REQUIRE} ${DIRNAME}` : REQUIRE },
  });
  return { inputs: Object.keys(result.metafile.inputs).map((input) => resolve(root, input)) };
}
