// The Lifecycle tab: the diagram of one token's life with the other tokens of its family as linked lanes, a
// legend, and the gaps in words. The route's focus is the token hash; without one, a token is picked from a list.
// Under the case's timeline filter the diagram keeps the whole life and dims the events the filter drops.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { layoutLifecycles } from './lifecycle-layout';
import { caseLifecycles, lifecycleFamily } from './queries';
import { useApp } from '../shell/app-context';
import { useCaseFilter } from '../cases/case-filter';
import { TimelineFilterNote } from '../timeline/TimelineFilterNote';
import { plural, shortHash } from '../shell/format';
import type { StoredLifecycle } from '../db/case-analysis-records';
import { formatInstant } from '../shell/format-time';
import { eventFocus, type CaseTab } from '../shell/route';
import { DIAGRAM_WIDTH, LABEL_WIDTH, LifecycleDiagram } from './LifecycleDiagram';
import './lifecycle.css';
import { useNameOf } from '../subjects/subject-names-context';

interface LifecycleTabProps {
  readonly caseId: string;
  readonly focus?: string;
  readonly onNavigate: (tab: CaseTab, focus?: string) => void;
}

const LANE_HEIGHT = 62;

/** A picker entry: who, which token, and how much it did; a refresh token known by identifier only says so. */
function lifecycleOptionLabel(lifecycle: StoredLifecycle, nameOf: (subject: string) => string): string {
  const who = lifecycle.subject ? nameOf(lifecycle.subject) : 'no subject';
  if (lifecycle.refreshTokenId !== undefined)
    return `${who} · refresh token id ${lifecycle.refreshTokenId} (not captured) · ${plural(lifecycle.milestones.length, 'event')}`;
  return `${who} · ${lifecycle.jti ?? shortHash(lifecycle.tokenHash)} · ${plural(lifecycle.uses.count, 'use')}`;
}

function TokenPicker({
  caseId,
  focus,
  onPick,
}: {
  caseId: string;
  focus?: string;
  onPick: (tokenHash: string) => void;
}) {
  const lifecycles = useLiveQuery(() => caseLifecycles(caseId), [caseId]);
  const nameOf = useNameOf();
  return (
    <label className="inline-field">
      <span>Token</span>
      <select data-testid="lifecycle-pick" value={focus ?? ''} onChange={(event) => onPick(event.target.value)}>
        <option value="">choose a token…</option>
        {(lifecycles ?? []).map((lifecycle) => (
          <option key={lifecycle.tokenHash} value={lifecycle.tokenHash}>
            {lifecycleOptionLabel(lifecycle, nameOf)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function LifecycleTab({ caseId, focus, onNavigate }: LifecycleTabProps) {
  const { timeZone } = useApp();
  const nameOf = useNameOf();
  const { filter } = useCaseFilter();
  const family = useLiveQuery(
    async () => (focus ? lifecycleFamily(caseId, focus, filter) : null),
    [caseId, focus, filter],
  );
  const layout = useMemo(
    () =>
      family &&
      layoutLifecycles(
        family.lanes,
        family.uses,
        { left: LABEL_WIDTH, width: DIAGRAM_WIDTH - LABEL_WIDTH - 20, top: 30, laneHeight: LANE_HEIGHT },
        family.outside,
      ),
    [family],
  );
  const count = (uses: ReadonlyMap<string, readonly number[]> | undefined) =>
    [...(uses?.values() ?? [])].reduce((sum, times) => sum + times.length, 0);
  const kept = count(family?.uses);
  const pick = (tokenHash: string) => onNavigate('lifecycle', tokenHash || undefined);

  return (
    <div className="stack" data-testid="lifecycle-tab">
      <section className="panel">
        <div className="panel-head">
          <h2>Lifecycle</h2>
          <TokenPicker caseId={caseId} focus={focus} onPick={pick} />
        </div>
        {!focus && <p className="hint">Pick a token, or open one from a finding or from the Tokens tab.</p>}
        {focus && family && !family.lifecycle && (
          <p className="empty" data-testid="lifecycle-missing">
            No lifecycle for this token yet: the detectors have not run since it was imported.
          </p>
        )}
        {family?.lifecycle && layout && (
          <>
            <p className="muted small" data-testid="lifecycle-summary">
              {family.lanes.length > 1
                ? `${family.lanes.length} tokens in this family (linked by refresh or session)`
                : 'A token without relatives'}
              {family.lifecycle.subject ? ` · ${nameOf(family.lifecycle.subject)}` : ''}
              {family.lifecycle.sessionId ? ` · session ${family.lifecycle.sessionId}` : ''} ·{' '}
              {formatInstant(layout.from, timeZone)} → {formatInstant(layout.to, timeZone)}
            </p>
            <TimelineFilterNote
              caseId={caseId}
              matched={kept}
              total={kept + count(family.outside?.uses)}
              noun="event of these tokens"
              pluralNoun="events of these tokens"
              onEdit={() => onNavigate('timeline')}
            />
            <LifecycleDiagram
              layout={layout}
              focus={focus!}
              onOpenEvent={(seq) => onNavigate('timeline', eventFocus(seq))}
              onOpenToken={(tokenHash) => onNavigate('lifecycle', tokenHash)}
            />
            <ul className="lc-legend muted small">
              <li>
                <svg width="14" height="14">
                  <circle cx="7" cy="7" r="5" className="lc-issue" />
                </svg>{' '}
                issued
              </li>
              <li>
                <svg width="14" height="14">
                  <line x1="7" x2="7" y1="1" y2="13" className="lc-use" />
                </svg>{' '}
                used
              </li>
              <li>
                <svg width="14" height="14">
                  <rect x="3" y="3" width="8" height="8" transform="rotate(45 7 7)" className="lc-refresh" />
                </svg>{' '}
                redeemed (refresh)
              </li>
              <li>
                <svg width="14" height="14">
                  <path d="M2,2 L12,12 M12,2 L2,12" className="lc-revoke" />
                </svg>{' '}
                revoked / logged out
              </li>
              <li>
                <svg width="14" height="14">
                  <line x1="7" x2="7" y1="1" y2="13" className="lc-expire" />
                </svg>{' '}
                expired
              </li>
              <li>
                <svg width="22" height="10">
                  <rect width="22" height="10" rx="3" className="lc-valid" />
                </svg>{' '}
                valid (iat → exp)
              </li>
              <li>
                <svg width="22" height="10">
                  <rect width="22" height="10" fill="url(#lc-hatch)" />
                </svg>{' '}
                silence (gap)
              </li>
              <li>
                <svg width="22" height="14">
                  <path d="M1,3 C12,3 10,11 21,11" className="lc-link lc-link-refresh" />
                </svg>{' '}
                refresh link
              </li>
              <li>
                <svg width="22" height="14">
                  <path d="M1,3 C12,3 10,11 21,11" className="lc-link lc-link-session" />
                </svg>{' '}
                same session
              </li>
              {family.outside && (
                <li>
                  <svg width="14" height="14">
                    <line x1="7" x2="7" y1="1" y2="13" className="lc-use outside" />
                  </svg>{' '}
                  faint: outside the timeline filters
                </li>
              )}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
