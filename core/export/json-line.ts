// One JSON value on one line (JSON Lines, NDJSON). JSON.stringify already escapes C0 controls and lone surrogates;
// what it leaves raw — DEL, the C1 controls, the Unicode line and paragraph separators and the bidirectional
// controls — is escaped too, so a line can be shown on a terminal or in an editor without an attacker's text
// reordering or splitting it. The value is unchanged: those characters only ever occur inside JSON strings.

const LEFT_RAW_BY_STRINGIFY = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same class without `g`, for the test that spares nearly every line the replace. */
const HAS_LEFT_RAW = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const escape = (character: string): string => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `value` as one line of JSON, ending with `\n`. */
export function jsonLine(value: unknown): string {
  const text = JSON.stringify(value);
  return `${HAS_LEFT_RAW.test(text) ? text.replace(LEFT_RAW_BY_STRINGIFY, escape) : text}\n`;
}
