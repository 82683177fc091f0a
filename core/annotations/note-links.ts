import { parseTargetKey } from './annotation-target';
import type { AnnotationTarget } from './types';

/** One link to another item inside a note, with where it sits in the text. */
export interface NoteLink {
  readonly start: number;
  readonly end: number;
  readonly target: AnnotationTarget;
}

// A link is `kind:id` with an id of letters, digits and - _ . (hashes, seqs, finding keys, file ids). One pass, no
// backtracking across the text: notes are typed by people but may be pasted from evidence.
const LINK = /\b(?:token|event|finding|key|file):[\w.-]+/g;

/** The links to other items a note holds, in order. */
export function noteLinks(note: string): NoteLink[] {
  const links: NoteLink[] = [];
  for (const match of note.matchAll(LINK)) {
    const target = parseTargetKey(match[0]);
    if (target) links.push({ start: match.index, end: match.index + match[0].length, target });
  }
  return links;
}
