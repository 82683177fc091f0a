/** core/annotations: the investigator's notes, tags, stars and dispositions, and their revision history. */
export * from './types';
export { targetKey, parseTargetKey } from './annotation-target';
export {
  EMPTY_ANNOTATION,
  normalizeAnnotation,
  isEmptyAnnotation,
  annotationProblem,
  changeDigest,
} from './annotation-state';
export { noteLinks, type NoteLink } from './note-links';
