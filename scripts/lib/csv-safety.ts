// What keeps a CSV field data in a spreadsheet, shared by the site's exports (built with
// csv-stringify) and its "this view" download (built in the page, where that library would cost
// two-thirds of the script budget): text a spreadsheet would run as a formula — starting with =,
// +, -, @, a tab or a carriage return, also after spaces or invisible characters, in full width
// too — starts with an apostrophe.
const FORMULA = /^[\s\u200b-\u200d\u2060\ufeff]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/u;

export const formulaSafe = (text: string): string => (FORMULA.test(text) ? `'${text}` : text);

/** One CSV record as csv-stringify writes it by default: booleans as 1 or empty, quotes only where needed. */
export function csvRecord(fields: ReadonlyArray<string | number | boolean>): string {
  return fields
    .map((value) => {
      const text = typeof value === 'boolean' ? (value ? '1' : '') : typeof value === 'string' ? formulaSafe(value) : String(value);
      return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    })
    .join(',');
}
