// The Timeline tab as the route opens it: a bare token hash sets the case's timeline filter to that token's events
// (once, on arrival: the investigator may widen it afterwards); `event:<seq>` loads that stored event first and
// opens the timeline around it with the event selected and its detail open, under whatever filter is set.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { CaseRecord } from '../db/records';
import { storedEvent } from './queries';
import { useCaseFilter } from '../cases/case-filter';
import { focusedEventSeq } from '../shell/route';
import { TimelineTab } from './TimelineTab';

interface TimelineRouteProps {
  readonly caseRecord: CaseRecord;
  readonly focus?: string;
  readonly onOpenToken: (tokenHash: string) => void;
}

export function TimelineRoute({ caseRecord, focus, onOpenToken }: TimelineRouteProps) {
  const seq = focusedEventSeq(focus);
  const tokenFocus = seq === undefined ? focus : undefined;
  const { setFilter } = useCaseFilter();
  // The route is keyed by its focus (CaseView), so this is "has this arrival's token been applied yet".
  const [applied, setApplied] = useState(!tokenFocus);
  useEffect(() => {
    if (applied || !tokenFocus) return;
    setFilter({ facets: { token: tokenFocus } });
    setApplied(true);
  }, [applied, tokenFocus, setFilter]);
  const event = useLiveQuery(
    async () => (seq === undefined ? null : ((await storedEvent(caseRecord.id, seq)) ?? null)),
    [caseRecord.id, seq],
  );
  if (!applied) return <div className="loading">Loading…</div>;
  if (seq !== undefined && event === undefined) return <div className="loading">Loading the event…</div>;
  return (
    <TimelineTab key={focus ?? ''} caseRecord={caseRecord} focusEvent={event ?? undefined} onOpenToken={onOpenToken} />
  );
}
