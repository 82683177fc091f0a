// The case overview, the first tab: what happened, most severe first, in one screen — the incidents with their
// one-line stories, who and which tokens they involve, the time span, what could not be judged and why, and the
// evidence verdict. Every item opens its detail (the finding, the token, the timeline narrowed, the evidence).
import { findingShown, useHiddenViews } from '../exercise/hidden-views';
import { useLiveQuery } from 'dexie-react-hooks';
import type { CaseRecord } from '../db/records';
import type { CaseTab } from '../shell/route';
import { useCaseFilter } from '../cases/case-filter';
import { NotJudgedList } from '../findings/NotJudgedList';
import { Histogram } from '../timeline/Histogram';
import { useApp } from '../shell/app-context';
import { plural, safeText, shortHash } from '../shell/format';
import { formatInstant, zonedProse } from '../shell/format-time';
import { caseOverview } from './queries';
import './overview.css';
import { evidenceVerdictLine, incidentsBySeverity, involvedSubjects, involvedTokens } from './overview-summary';
import { ZonedProse } from '../shell/ZonedProse';

const SHOWN = 8;

interface OverviewTabProps {
  readonly caseRecord: CaseRecord;
  readonly onNavigate: (tab: CaseTab, focus?: string) => void;
}

export function OverviewTab({ caseRecord, onNavigate }: OverviewTabProps) {
  const caseId = caseRecord.id;
  const { timeZone } = useApp();
  const { setFilter } = useCaseFilter();
  const hidden = useHiddenViews();
  const overview = useLiveQuery(() => caseOverview(caseId), [caseId, caseRecord.updatedAt, caseRecord.counts.events]);
  if (!overview) return <div className="loading">Loading the overview…</div>;
  const { analysis, extent, verdicts } = overview;
  // An exercise's hidden analyses are not summarised here either.
  const findings = overview.findings.filter((finding) => findingShown(hidden, finding));
  const verdict = evidenceVerdictLine(verdicts);
  const groups = incidentsBySeverity(findings);
  const subjects = involvedSubjects(findings);
  const tokens = involvedTokens(findings);
  const showTimeline = (filter: Parameters<typeof setFilter>[0]) => {
    setFilter(filter);
    onNavigate('timeline');
  };

  return (
    <div className="stack overview" data-testid="overview-tab">
      <p className={verdict.intact ? 'overview-verdict' : 'overview-verdict warn-text'} data-testid="overview-verdict">
        <strong>Evidence:</strong> {verdict.text}{' '}
        <button
          type="button"
          className="link"
          data-testid="overview-open-evidence"
          onClick={() => onNavigate('evidence')}
        >
          Files and custody
        </button>
      </p>

      <section className="panel" aria-labelledby="overview-incidents">
        <h2 id="overview-incidents">What happened</h2>
        {!analysis ? (
          <p className="muted" data-testid="overview-pending">
            The detectors have not judged this case yet: they run by themselves once its evidence is parsed.
          </p>
        ) : groups.length === 0 ? (
          <p data-testid="overview-no-incidents">No finding: the detectors and token checks found nothing to report.</p>
        ) : (
          groups.map((group) => (
            <div
              key={group.severity}
              className="overview-group"
              data-testid="overview-severity"
              data-severity={group.severity}
            >
              <h3>
                <span className={`badge sev-${group.severity}`}>{group.severity}</span>{' '}
                {plural(group.findings.length, 'finding')}
              </h3>
              <ul className="plain-list overview-stories">
                {group.findings.slice(0, SHOWN).map((finding) => (
                  <li key={finding.key}>
                    <button
                      type="button"
                      className="link overview-story"
                      data-testid="overview-incident"
                      data-finding-id={finding.id}
                      title={safeText(zonedProse(finding.message, timeZone))}
                      onClick={() => onNavigate('findings', finding.key)}
                    >
                      <strong>{finding.title}</strong> — <ZonedProse text={finding.message} />
                    </button>
                  </li>
                ))}
              </ul>
              {group.findings.length > SHOWN && (
                <button type="button" className="link small" onClick={() => onNavigate('findings')}>
                  and {plural(group.findings.length - SHOWN, 'more')} in Findings
                </button>
              )}
            </div>
          ))
        )}
      </section>

      {(subjects.length > 0 || tokens.length > 0) && (
        <section className="panel overview-involved" aria-labelledby="overview-involved">
          <h2 id="overview-involved">Who and which tokens</h2>
          <div className="overview-columns">
            <div>
              <h3>{plural(subjects.length, 'subject')}</h3>
              <ul className="plain-list">
                {subjects.slice(0, SHOWN).map((subject) => (
                  <li key={subject.value}>
                    <button
                      type="button"
                      className="link mono"
                      data-testid="overview-subject"
                      onClick={() => showTimeline({ facets: { subject: subject.value } })}
                    >
                      {safeText(subject.value)}
                    </button>{' '}
                    <span className="muted small">in {plural(subject.findings, 'finding')}</span>
                  </li>
                ))}
              </ul>
            </div>
            <div>
              <h3>{plural(tokens.length, 'token')}</h3>
              <ul className="plain-list">
                {tokens.slice(0, SHOWN).map((token) => (
                  <li key={token.value}>
                    <button
                      type="button"
                      className="link mono"
                      data-testid="overview-token"
                      onClick={() => onNavigate('tokens', token.value)}
                    >
                      {shortHash(token.value)}
                    </button>{' '}
                    <span className="muted small">in {plural(token.findings, 'finding')}</span>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        </section>
      )}

      <section className="panel" aria-labelledby="overview-span">
        <h2 id="overview-span">When</h2>
        {extent ? (
          <>
            <p data-testid="overview-span-text">
              {plural(caseRecord.counts.events, 'event')} from {formatInstant(extent.first, timeZone)} to{' '}
              {formatInstant(extent.last, timeZone)}. Drag across the bars to open that span on the timeline.
            </p>
            <Histogram
              caseId={caseId}
              from={extent.first}
              to={extent.last + 1}
              eventCount={caseRecord.counts.events}
              onSelect={(from, to) => showTimeline({ from, to })}
            />
          </>
        ) : (
          <p className="muted">No timed event yet.</p>
        )}
      </section>

      {analysis && analysis.runs.some((run) => run.skipped) && (
        <section className="panel" aria-labelledby="overview-not-judged">
          <h2 id="overview-not-judged">Not judged</h2>
          <NotJudgedList runs={analysis.runs} />
        </section>
      )}
    </div>
  );
}
