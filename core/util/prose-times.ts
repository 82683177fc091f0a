/**
 * Finding prose names instants as ISO 8601 UTC (`iso()` in core/timeline/util/describe.ts), so a finding means the
 * same in every host and export. A screen that shows times in the investigator's zone splits the prose here and
 * rewrites each instant, keeping the written form for traceability.
 */

/** A piece of prose: plain text, or an instant as the finding wrote it and its epoch ms. */
export type ProsePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'time'; readonly text: string; readonly ts: number };

// What iso() writes: seconds always, milliseconds when any, always Z. No nested quantifier, so linear in the text.
const ISO_INSTANT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z/g;

/** Split prose into text and the UTC instants it names (only those that are real calendar instants). */
export function splitProseTimes(prose: string): ProsePart[] {
  const parts: ProsePart[] = [];
  let at = 0;
  for (const match of prose.matchAll(ISO_INSTANT)) {
    const ts = Date.parse(match[0]);
    // "2026-02-30T…" parses to NaN: it stays text, as written.
    if (Number.isNaN(ts) || new Date(ts).toISOString().slice(0, 10) !== match[0].slice(0, 10)) continue;
    if (match.index > at) parts.push({ kind: 'text', text: prose.slice(at, match.index) });
    parts.push({ kind: 'time', text: match[0], ts });
    at = match.index + match[0].length;
  }
  if (at < prose.length) parts.push({ kind: 'text', text: prose.slice(at) });
  return parts;
}
