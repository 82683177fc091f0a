import { parseTargetKey } from './annotation-target';
import type { AnnotationTarget } from './types';

/** One link to another item inside a note, with where it sits in the text. */
export interface NoteLink {
  readonly start: number;
  readonly end: number;
  readonly target: AnnotationTarget;
}

// A link is `kind:id` where the id runs to the next white space, comma, semicolon or bracket: token hashes, seqs
// and file ids are plain, but a finding's key holds `|`, `:` and `>` (`impossible-travel|a.log:2>a.log:9|…`). A
// full stop or colon that ends a sentence is not part of the id. One pass with no backtracking across the text:
// notes are typed by people but may be pasted from evidence.
const LINK = /\b(?:token|event|finding|key|file):[^\s,;()[\]<"']+/g;

/** `text` without the full stops, colons, question and exclamation marks it ends with. */
function withoutSentenceEnd(text: string): string {
  let end = text.length;
  while (end > 0 && '.:!?'.includes(text[end - 1]!)) end -= 1;
  return text.slice(0, end);
}

/** The links to other items a note holds, in order. */
export function noteLinks(note: string): NoteLink[] {
  const links: NoteLink[] = [];
  for (const match of note.matchAll(LINK)) {
    const text = withoutSentenceEnd(match[0]);
    const target = parseTargetKey(text);
    if (target) links.push({ start: match.index, end: match.index + text.length, target });
  }
  return links;
}
