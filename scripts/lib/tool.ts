// The OFM release that wrote a file, as every JSON output names it beside its schema.
import packageJson from '../../package.json' with { type: 'json' };

export const TOOL_VERSION: string = packageJson.version;
/** The npm package that ships the `ofm` command to vendors (scripts/package-cli.ts builds it). */
export const CLI_PACKAGE = '@operator-feature-matrix/ofm';
/** "ofm <version>": the `tool` field of every JSON file OFM writes. */
export const TOOL = `ofm ${TOOL_VERSION}`;

/**
 * Names the exact code that is running when it runs from the launcher's bundle, whose folder is
 * named by a digest of the sources (scripts/ofm.js); undefined when it runs from the sources.
 * Results derived by this code may be cached under it.
 */
export const BUILD_ID: string | undefined = /\/bundle-([0-9a-f]{16})\//.exec(import.meta.url)?.[1];
