import type { Output } from './output';

/**
 * Evidence text made safe to print on a terminal. Header values, kids, log fields and file names come from the
 * evidence, i.e. possibly from an attacker: a raw newline would let them print a forged line ("line 2: VALID …"),
 * an escape sequence could hide or recolour text, and bidirectional controls reorder what the reader sees. Each
 * such character is shown as a \uXXXX escape instead: visible, and unambiguous. Tabs stay.
 */
// C0 controls but tab, DEL and C1 controls, the Unicode line and paragraph separators, and the bidirectional
// embeddings, overrides and isolates.
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escape = (character: string): string => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `text` with every character a terminal would act on (or that reorders text) written as a \uXXXX escape. */
export function terminalSafe(text: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text) ? text.replace(UNSAFE, escape) : text;
}

/**
 * An Output whose every line is {@link terminalSafe}: the one gate for every command that prints evidence text
 * (file names, manifest fields, log lines, messages quoting them). Callers print one line per call, so a line
 * break can only come from the evidence, and shows as \u000a. JSON lines stay valid JSON with the same values.
 */
export function terminalSafeOutput(output: Output): Output {
  return { stdout: (line) => output.stdout(terminalSafe(line)), stderr: (line) => output.stderr(terminalSafe(line)) };
}
