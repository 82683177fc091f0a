// The timeline filter of the open case, shared by every tab that shows events: the Timeline lists what it keeps,
// Findings shows the findings with evidence it keeps, the Lifecycle dims the events it drops, the Map dims the hops
// it drops. One state, held by the case view, so switching tabs never changes what "filtered" means. It lives as
// long as the case is open (not across reloads): a reload shows everything again rather than hiding anything.
import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { TimelineFilter } from '../timeline/timeline-filter';

export interface CaseFilterValue {
  readonly filter: TimelineFilter;
  setFilter(filter: TimelineFilter): void;
  /** Back to no filter at all. */
  clear(): void;
}

export const CaseFilterContext = createContext<CaseFilterValue | null>(null);

export const NO_TIMELINE_FILTER: TimelineFilter = {};

/** The state behind CaseFilterContext for one case: a different case starts unfiltered. */
export function useCaseFilterState(caseId: string): CaseFilterValue {
  const [state, setState] = useState<{ caseId: string; filter: TimelineFilter }>({
    caseId,
    filter: NO_TIMELINE_FILTER,
  });
  const filter = state.caseId === caseId ? state.filter : NO_TIMELINE_FILTER;
  const setFilter = useCallback((next: TimelineFilter) => setState({ caseId, filter: next }), [caseId]);
  const clear = useCallback(() => setState({ caseId, filter: NO_TIMELINE_FILTER }), [caseId]);
  return useMemo(() => ({ filter, setFilter, clear }), [filter, setFilter, clear]);
}

/** The open case's timeline filter. */
export function useCaseFilter(): CaseFilterValue {
  const value = useContext(CaseFilterContext);
  if (!value) throw new Error('useCaseFilter() used outside <CaseFilterContext.Provider>');
  return value;
}
