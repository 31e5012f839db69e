import type { FindingsReport } from '../diagnostic.ts';
import { formatGithub, type GithubOptions } from './github.ts';
import { formatJson } from './json.ts';
import { formatSarif, type SarifOptions } from './sarif.ts';
import { formatText, type TextOptions } from './text.ts';

export const FORMATS = ['text', 'json', 'github', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export const isFormat = (value: string): value is Format => (FORMATS as readonly string[]).includes(value);

export function formatReport(format: Format, report: FindingsReport, options: TextOptions & Partial<SarifOptions> & GithubOptions): string {
  switch (format) {
    case 'text':
      return formatText(report, options);
    case 'json':
      return formatJson(report);
    case 'github':
      return formatGithub(report, options);
    case 'sarif':
      return formatSarif(report, { descriptions: options.descriptions ?? new Map() });
  }
}
