// The files beside a submission that rules judge it by: the operator's operator.yaml and the
// reports OFM writes (<version>.evidence.json, <version>.conformance.json). Read once per run,
// size-bounded, and only used when they match their schema.
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { validatorFor } from './ajv.ts';
import type { ConformanceReport } from './generated/conformance-report.ts';
import type { EvidenceReport } from './generated/evidence-report.ts';
import type { OperatorMetadata } from './generated/operator.ts';
import { OPERATOR_FILE, REPORT_SUFFIXES } from './layout.ts';
import type { Project } from './project.ts';
import { schemas } from './schemas.ts';
import { contextData } from './fast-tier.ts';
import { MAX_FILE_BYTES } from './source.ts';

const MAX_REPORT_BYTES = 8 * 1024 * 1024;

interface Reports {
  'evidence-report': EvidenceReport;
  'conformance-report': ConformanceReport;
}

export type ReportBeside<T> = { readonly path: string; readonly report?: T; readonly unusable?: string } | undefined;

const cache = new WeakMap<Project, Map<string, ReportBeside<unknown>>>();

/** The report of `kind` beside a submission: undefined when there is none; `unusable` says why one cannot be used. */
export function reportBeside<K extends keyof Reports>(project: Project, submissionPath: string, kind: K): ReportBeside<Reports[K]> {
  const path = join(dirname(submissionPath), `${basename(submissionPath).replace(/\.ya?ml$/, '')}${REPORT_SUFFIXES[kind]}`);
  let byPath = cache.get(project);
  if (!byPath) cache.set(project, (byPath = new Map()));
  if (byPath.has(path)) return byPath.get(path) as ReportBeside<Reports[K]>;
  let result: ReportBeside<Reports[K]>;
  try {
    if (statSync(path).size > MAX_REPORT_BYTES) result = { path, unusable: `it is larger than ${MAX_REPORT_BYTES / 1024 / 1024} MiB` };
    else {
      const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
      const validate = validatorFor<Reports[K]>(() => project.ajv, kind === 'evidence-report' ? schemas.evidenceReport.$id : schemas.conformanceReport.$id);
      result = validate(data) ? { path, report: data } : { path, unusable: 'it does not match its schema' };
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    result = code === 'ENOENT' ? undefined : { path, unusable: code === undefined ? 'it is not valid JSON' : `it cannot be read (${String(code)})` };
  }
  byPath.set(path, result);
  return result;
}

const operators = new WeakMap<Project, Map<string, OperatorMetadata | undefined>>();

/** The operator.yaml beside a submission, when it reads as YAML and matches its schema. */
export function operatorBeside(project: Project, submissionPath: string): OperatorMetadata | undefined {
  const path = join(dirname(submissionPath), OPERATOR_FILE);
  let byPath = operators.get(project);
  if (!byPath) operators.set(project, (byPath = new Map()));
  if (byPath.has(path)) return byPath.get(path);
  let metadata: OperatorMetadata | undefined;
  try {
    // It is checked on its own, stage by stage; here only a file that reads cleanly is used.
    if (statSync(path).size <= MAX_FILE_BYTES) {
      const data = contextData(readFileSync(path, 'utf8'));
      if (validatorFor<OperatorMetadata>(() => project.ajv, schemas.operator.$id)(data)) metadata = data;
    }
  } catch {
    metadata = undefined;
  }
  byPath.set(path, metadata);
  return metadata;
}
