// A note as text with its links to other items (`token:<hash>`, `event:<seq>`…) made clickable. The text is
// rendered as React text nodes, never as HTML: a note may hold text pasted from evidence.
import { noteLinks } from '../../core/annotations';
import { noteLinkHash } from './note-link-route';

export function NoteText({ caseId, note }: { readonly caseId: string; readonly note: string }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const link of noteLinks(note)) {
    if (link.start > at) parts.push(note.slice(at, link.start));
    const text = note.slice(link.start, link.end);
    parts.push(
      <a key={link.start} href={noteLinkHash(caseId, link.target)} className="mono" data-testid="note-link">
        {text}
      </a>,
    );
    at = link.end;
  }
  if (at < note.length) parts.push(note.slice(at));
  return (
    <p className="annotation-note" data-testid="annotation-note-text">
      {parts}
    </p>
  );
}
