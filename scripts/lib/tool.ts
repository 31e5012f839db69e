// The OFM release that wrote a file, as every JSON output names it beside its schema.
import packageJson from '../../package.json' with { type: 'json' };

export const TOOL_VERSION: string = packageJson.version;
/** "ofm <version>": the `tool` field of every JSON file OFM writes. */
export const TOOL = `ofm ${TOOL_VERSION}`;
