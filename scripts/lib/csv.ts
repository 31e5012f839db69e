// CSV that stays data in a spreadsheet (see csv-safety.ts), written by csv-stringify.
import { stringify } from 'csv-stringify/sync';
import { formulaSafe } from './csv-safety.ts';

export function spreadsheetCsv(rows: ReadonlyArray<ReadonlyArray<string | number | boolean>>): string {
  return stringify(rows.map((row) => row.map((v) => (typeof v === 'string' ? formulaSafe(v) : v))));
}
