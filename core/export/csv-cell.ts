// CSV as RFC 4180 writes it (section 2: fields with a comma, a double quote or a line break are enclosed in double
// quotes, a double quote inside is doubled; records end with CRLF), and with formula injection neutralised: a
// spreadsheet runs a cell that starts with = + - @ (and, in some, TAB, CR or NUL) as a formula, so such a text cell
// gets a leading apostrophe, which spreadsheets take as "this is text" (OWASP, CSV Injection; ASVS 1.2.10).

/** A cell's value: text from the evidence, or a number or flag Tokentrail produced itself. Nullish = empty. */
export type CsvValue = string | number | boolean | null | undefined;

/** First characters that make a spreadsheet read a cell as a formula. */
const FORMULA_TRIGGERS: ReadonlySet<string> = new Set(['=', '+', '-', '@', '\t', '\r', '\u0000']);

/** A character that forces the field into double quotes (RFC 4180 2.6). */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One field. Text that starts with a formula trigger gets a leading `'` — also text that reads like a negative
 * number, since it is evidence and `-1+HYPERLINK(…)` starts the same way. Numbers Tokentrail produces (line numbers,
 * times, counts) are written as numbers: a finite number's decimal form cannot be a formula, so it stays unmangled.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'number') text = Number.isFinite(value) ? String(value) : '';
  else if (typeof value === 'boolean') text = value ? 'true' : 'false';
  else text = FORMULA_TRIGGERS.has(value.charAt(0)) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record: its fields joined by commas and ended by CRLF. */
export function csvRecord(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
