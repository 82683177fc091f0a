// The handler of the "not judged" remedies (not-judged-remedy.ts), provided by the case view, which owns the import
// flow and the navigation between tabs; any view listing what was not judged (Findings, the overview) uses it.
import { createContext, useContext } from 'react';
import type { RemedyAction } from './not-judged-remedy';

/** Carries out one remedy; resolves with a line to show (what was done), rejects with a readable reason. */
export type RemedyHandler = (action: RemedyAction) => Promise<string | undefined>;

export const RemedyContext = createContext<RemedyHandler | null>(null);

/** The open case's remedy handler, or undefined outside a case view (then no button is shown). */
export function useRemedyHandler(): RemedyHandler | undefined {
  return useContext(RemedyContext) ?? undefined;
}
