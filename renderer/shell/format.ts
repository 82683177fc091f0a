// Small display helpers shared by the views.

/** 1536 → "1.5 KiB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** A time left, rounded as a person would say it: 40 → "40 s", 250 → "5 min", 4_900 → "1 h 22 min". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.ceil(seconds))} s`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** The first characters of a hex digest; the full value goes in a title attribute next to it. */
export function shortHash(hex: string | undefined, length = 12): string {
  return hex ? hex.slice(0, length) : '—';
}

/** Pretty JSON for decoded headers and claims. */
export function prettyJson(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? 'undefined';
}

/** "file.log:12:5" — where a human goes to look; the path as {@link safeText} shows it, since it comes from evidence. */
export function location(path: string, line?: number, column?: number): string {
  const shown = safeText(path);
  if (line === undefined) return shown;
  return column === undefined ? `${shown}:${line}` : `${shown}:${line}:${column}`;
}

/** "1 file", "3 files". */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}

// C0 and C1 controls, DEL, the line and paragraph separators, and every bidirectional control (LRM, RLM, ALM, the
// embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069): characters that either draw nothing or reorder
// what follows, so `a\u202Etxt.exe` would be shown as `aexe.txt`. The class is a single-character set: linear time.
const INVISIBLE_OR_REORDERING = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/**
 * Evidence text (a file name, a path, a source) as it may be shown: each control, separator or bidi character
 * becomes a visible `\uXXXX`, so a name can neither hide characters nor display reversed. Everything else is kept.
 */
export function safeText(text: string): string {
  return text.replace(
    INVISIBLE_OR_REORDERING,
    (character) => `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}
