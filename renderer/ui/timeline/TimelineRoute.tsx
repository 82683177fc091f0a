// The Timeline tab as the route opens it: a bare token hash filters to that token's events; `event:<seq>` loads
// that stored event first and opens the timeline around it with the event selected and its detail open.
import { useLiveQuery } from 'dexie-react-hooks';
import type { CaseRecord } from '../../db/records';
import { db } from '../../db/schema';
import { focusedEventSeq } from '../route';
import { TimelineTab } from './TimelineTab';

interface TimelineRouteProps {
  readonly caseRecord: CaseRecord;
  readonly focus?: string;
  readonly onOpenToken: (tokenHash: string) => void;
}

export function TimelineRoute({ caseRecord, focus, onOpenToken }: TimelineRouteProps) {
  const seq = focusedEventSeq(focus);
  const event = useLiveQuery(async () => (seq === undefined ? null : ((await db.authEvents.get([caseRecord.id, seq])) ?? null)), [caseRecord.id, seq]);
  if (seq !== undefined && event === undefined) return <div className="loading">Loading the event…</div>;
  return (
    <TimelineTab
      key={focus ?? ''}
      caseRecord={caseRecord}
      focusToken={seq === undefined ? focus : undefined}
      focusEvent={event ?? undefined}
      onOpenToken={onOpenToken}
    />
  );
}
