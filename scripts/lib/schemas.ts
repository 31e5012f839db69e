// The project's JSON Schemas (schema/*.schema.json), imported once so every module uses the same
// objects. Their `$id`s are the addresses the site publishes them at (layout.ts PUBLISHED_SCHEMA_BASE).
import type { FileKind } from './layout.ts';
import catalogue from '../../schema/catalogue.schema.json' with { type: 'json' };
import conformanceReport from '../../schema/conformance-report.schema.json' with { type: 'json' };
import conformance from '../../schema/conformance.schema.json' with { type: 'json' };
import dataPackage from '../../schema/data-package.schema.json' with { type: 'json' };
import evidenceReport from '../../schema/evidence-report.schema.json' with { type: 'json' };
import findings from '../../schema/findings.schema.json' with { type: 'json' };
import matrixExport from '../../schema/matrix-export.schema.json' with { type: 'json' };
import ofmInterchange from '../../schema/ofm-interchange.schema.json' with { type: 'json' };
import operator from '../../schema/operator.schema.json' with { type: 'json' };
import prCheck from '../../schema/pr-check.schema.json' with { type: 'json' };
import sources from '../../schema/sources.schema.json' with { type: 'json' };
import siteApi from '../../schema/site-api.schema.json' with { type: 'json' };
import submission from '../../schema/submission.schema.json' with { type: 'json' };

export const schemas = { catalogue, operator, submission, sources, evidenceReport, conformance, conformanceReport, findings, ofmInterchange, matrixExport, siteApi, prCheck, dataPackage } as const;

export type SchemaName = keyof typeof schemas;

/** The schema each kind of data file follows. */
export const schemaOfKind = {
  catalogue,
  operator,
  submission,
  sources,
  conformance,
  'evidence-report': evidenceReport,
  'conformance-report': conformanceReport,
} as const satisfies Record<FileKind, { $id: string }>;

/** File name of each schema under schema/, as editors reference it. */
export const schemaFileNames: Record<SchemaName, string> = {
  catalogue: 'catalogue.schema.json',
  operator: 'operator.schema.json',
  submission: 'submission.schema.json',
  sources: 'sources.schema.json',
  evidenceReport: 'evidence-report.schema.json',
  conformance: 'conformance.schema.json',
  conformanceReport: 'conformance-report.schema.json',
  findings: 'findings.schema.json',
  ofmInterchange: 'ofm-interchange.schema.json',
  matrixExport: 'matrix-export.schema.json',
  siteApi: 'site-api.schema.json',
  dataPackage: 'data-package.schema.json',
  prCheck: 'pr-check.schema.json',
};
