import { parseCatalogueRef } from '../catalogue.ts';
import { isRecord } from '../claims.ts';
import { FEATURES_DIR, OPERATOR_FILE, REPORT_SUFFIXES, SUBMISSIONS_DIR } from '../layout.ts';
import { folders } from './context.ts';
import { error, type DataSubject, type Rule, type RuleFinding } from './rule.ts';

export const filePath: Rule<DataSubject> = {
  id: 'file-path',
  description: 'A file sits where its content says: submissions/<technology>/<operator>/<version>.yaml, submissions/<technology>/<operator>/operator.yaml, features/<technology>/catalogue.yaml.',
  check({ kind, data, absolutePath, relativePath }) {
    if (!isRecord(data)) return [];
    const { file, parent, grandparent } = folders(absolutePath);
    const findings: RuleFinding[] = [];
    const mismatch = (key: string, found: string, where: string, hint: string) =>
      findings.push(error({ path: [key] }, `${key} "${found}" does not match ${where}.`, hint));

    if (kind === 'sources') return findings;
    if (kind === 'evidence-report' || kind === 'conformance-report') {
      const version = data['version'];
      const suffix = REPORT_SUFFIXES[kind];
      if (typeof version === 'string' && `${version}${suffix}` !== file) {
        mismatch('version', version, `the file name "${file}"`, `A report is named after its submission: ${version}${suffix}.`);
      }
      return findings;
    }
    if (kind === 'conformance') {
      const id = data['operator'];
      if (typeof id === 'string' && id !== parent) mismatch('operator', id, `the folder "${parent}"`, `Keep conformance.yaml in the folder of operator "${id}".`);
      return findings;
    }
    if (kind === 'catalogue') {
      const technology = data['technology'];
      if (typeof technology === 'string' && technology !== parent) {
        mismatch('technology', technology, `the folder ${FEATURES_DIR}/${parent}/`, `Keep the catalogue at ${FEATURES_DIR}/${technology}/catalogue.yaml.`);
      }
      return findings;
    }
    const id = kind === 'operator' ? data['id'] : data['operator'];
    if (typeof id === 'string' && id !== parent) {
      mismatch(kind === 'operator' ? 'id' : 'operator', id, `the folder "${parent}"`, `Keep the files of operator "${id}" in ${SUBMISSIONS_DIR}/<technology>/${id}/, or correct the id.`);
    }
    if (kind === 'operator') return findings;

    const version = data['version'];
    const stem = file.replace(/\.ya?ml$/, '');
    if (typeof version === 'string' && version !== stem) {
      mismatch('version', version, `the file name "${file}"`, `Name the file ${version}.yaml, or correct the version.`);
    }
    if (file.endsWith('.yml')) {
      findings.push(error({ line: 1, column: 1 }, 'Submission files end in .yaml.', `Rename the file to ${stem}.yaml.`));
    }
    if (file === OPERATOR_FILE) {
      findings.push(error({ line: 1, column: 1 }, `${OPERATOR_FILE} is the operator's metadata, not a submission.`, 'Give the operator metadata fields (id, name, vendor…), and put claims in <version>.yaml.'));
    }
    const technology = parseCatalogueRef(data['catalogue'])?.technology;
    if (technology && technology !== grandparent) {
      mismatch('catalogue', String(data['catalogue']), `the folder ${SUBMISSIONS_DIR}/${grandparent}/`, `Keep ${technology} submissions under ${SUBMISSIONS_DIR}/${technology}/<operator>/.`);
    }
    if (relativePath !== undefined && !relativePath.startsWith(`${SUBMISSIONS_DIR}/`)) {
      findings.push(error({ line: 1, column: 1 }, `Submissions belong under ${SUBMISSIONS_DIR}/.`, `Move the file to ${SUBMISSIONS_DIR}/<technology>/<operator>/<version>.yaml.`));
    }
    return findings;
  },
};
