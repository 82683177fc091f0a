// What an exercise's instructor hid (core/scenarios HIDDEN_ANALYSES: the detectors' findings, the token checks, the
// map), as the views of a case ask it. Hiding is enforced where each thing is shown, not only by dropping a tab: the
// overview's incidents, a person's findings, the Tokens tab's verdicts and check findings, every "Map" button.
import { createContext, useContext } from 'react';

/** The views an exercise case does not show. */
export interface HiddenViews {
  /** The detectors' findings (the Findings tab is gone; nowhere else lists them either). */
  readonly findings: boolean;
  /** The token checks: verdicts, the verifying key, the checks' findings, the analysis controls. */
  readonly tokenChecks: boolean;
  readonly map: boolean;
}

/** An ordinary case hides nothing. */
export const NOTHING_HIDDEN: HiddenViews = { findings: false, tokenChecks: false, map: false };

/** The hidden views of a case: its exercise header's `hidden` list, nothing for an ordinary case. */
export function hiddenViewsOf(exercise: { readonly header: { readonly hidden: readonly string[] } } | undefined) {
  if (!exercise) return NOTHING_HIDDEN;
  const hidden = new Set(exercise.header.hidden);
  return { findings: hidden.has('findings'), tokenChecks: hidden.has('token-checks'), map: hidden.has('map') };
}

/** Whether a finding may be shown: a detector's unless the findings are hidden, a token check's unless the checks are. */
export function findingShown(hidden: HiddenViews, finding: { readonly origin: 'detector' | 'token-check' }): boolean {
  return finding.origin === 'token-check' ? !hidden.tokenChecks : !hidden.findings;
}

/** Provided by the case view; the default (outside a case) hides nothing. */
export const HiddenViewsContext = createContext<HiddenViews>(NOTHING_HIDDEN);

/** The hidden views of the case being shown. */
export const useHiddenViews = (): HiddenViews => useContext(HiddenViewsContext);
