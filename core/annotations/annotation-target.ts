import { ANNOTATION_TARGET_KINDS, type AnnotationTarget, type AnnotationTargetKind } from './types';

/** The string form of a target, `kind:id`, used as the store key and in journal entries and note links. */
export function targetKey(target: AnnotationTarget): string {
  return `${target.kind}:${target.id}`;
}

/** The target a `kind:id` string names, or undefined when it names none. */
export function parseTargetKey(key: string): AnnotationTarget | undefined {
  const colon = key.indexOf(':');
  if (colon <= 0 || colon === key.length - 1) return undefined;
  const kind = key.slice(0, colon);
  if (!(ANNOTATION_TARGET_KINDS as readonly string[]).includes(kind)) return undefined;
  return { kind: kind as AnnotationTargetKind, id: key.slice(colon + 1) };
}
