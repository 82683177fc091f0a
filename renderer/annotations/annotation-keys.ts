// The annotation keys of every list (timeline, tokens, findings): `s` stars, `t` goes to the tags, `n` to the note.
// Plain letters without a modifier, and never while typing: they must not take a letter from a text field or a
// browser shortcut (Ctrl+S, Ctrl+T, Ctrl+N) from the investigator.
import type { AnnotationCommand } from './annotation-focus';

const COMMANDS: Readonly<Record<string, AnnotationCommand>> = { s: 'star', t: 'tag', n: 'note' };

/** What a key asks for, or undefined when it is not an annotation key here. */
export function annotationKeyCommand(event: {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly target: EventTarget | null;
}): AnnotationCommand | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  const element = event.target as { tagName?: string; isContentEditable?: boolean } | null;
  const tag = element?.tagName?.toLowerCase();
  if (tag === 'input' || tag === 'textarea' || tag === 'select' || element?.isContentEditable) return undefined;
  return COMMANDS[event.key];
}
