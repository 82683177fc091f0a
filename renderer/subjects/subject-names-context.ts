// The open case's subject naming, provided once by the case view so every list and detail pane can put the person's
// name beside a subject id without reading the store itself.
import { createContext, useContext } from 'react';

/** Names a subject id; outside a case (or before any analysis) the id itself. */
export const SubjectNamesContext = createContext<(subject: string) => string>((subject) => subject);

/** The open case's `nameOf(subject)` (core/timeline bestName over the case's identity directory). */
export function useNameOf(): (subject: string) => string {
  return useContext(SubjectNamesContext);
}
