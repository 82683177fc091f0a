// The People tab: every subject id of the case with the names the evidence gives it (usernames, e-mails, display
// names), the conflicts among names, and one person's page: each name with where it was first seen, every token,
// session, IP and country from the timeline, and every finding about them. Names that only unverified or forged
// tokens claim are marked as claims, never as who the person is.
import { findingShown, useHiddenViews } from '../exercise/hidden-views';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { bestName, subjectIdentity, type IdentityDirectory, type NameSighting } from '../../core/timeline';
import type { CaseTab } from '../shell/route';
import { useApp } from '../shell/app-context';
import { location, plural, safeText, shortHash } from '../shell/format';
import { formatInstant } from '../shell/format-time';
import {
  caseIdentities,
  caseSubjectIds,
  findingSubjects,
  subjectActivity,
  subjectFindings,
  SUBJECT_LIST_LIMIT,
} from './queries';
import { matchesPeopleSearch, peopleIds } from './people-search';
import type { ActivityValue } from './subject-activity';
import { ZonedProse } from '../shell/ZonedProse';

interface PeopleTabProps {
  readonly caseId: string;
  /** The subject id whose page is open. */
  readonly focus?: string;
  readonly onNavigate: (tab: CaseTab, focus?: string) => void;
}

const SOURCE_LABEL: Record<NameSighting['source'], string> = {
  log: 'log record',
  'verified-token': 'verified token',
  'token-claim': 'unverified token claim',
};

function NamesTable({ names }: { readonly names: readonly NameSighting[] }) {
  const { timeZone } = useApp();
  if (!names.length) return <p className="muted">The evidence names this subject nowhere: only its id is known.</p>;
  return (
    <table className="table" data-testid="subject-names">
      <thead>
        <tr>
          <th>Name</th>
          <th>Kind</th>
          <th>From</th>
          <th>Seen</th>
          <th>First seen</th>
        </tr>
      </thead>
      <tbody>
        {names.map((name) => (
          <tr key={`${name.kind}:${name.value}:${name.source}`} data-verified={name.verified}>
            <td className="mono">
              {safeText(name.value)}
              {!name.verified && <span className="badge warn"> claim</span>}
            </td>
            <td>{name.kind}</td>
            <td>{SOURCE_LABEL[name.source]}</td>
            <td>{plural(name.count, 'time')}</td>
            <td className="mono">
              {location(name.first.source.file, name.first.source.line)}
              {name.first.ts !== null && ` · ${formatInstant(name.first.ts, timeZone)}`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ActivityList({
  title,
  values,
  onOpen,
}: {
  readonly title: string;
  readonly values: readonly ActivityValue[];
  readonly onOpen?: (value: string) => void;
}) {
  return (
    <section className="subject-activity" data-testid={`subject-${title.toLowerCase()}`}>
      <h3>
        {title} <span className="count">{values.length}</span>
      </h3>
      <ul className="plain-list mono">
        {values.slice(0, 50).map((entry) => (
          <li key={entry.value}>
            {onOpen ? (
              <button type="button" className="link" onClick={() => onOpen(entry.value)}>
                {title === 'Tokens' ? shortHash(entry.value, 16) : safeText(entry.value)}
              </button>
            ) : (
              safeText(entry.value)
            )}{' '}
            <span className="muted">× {entry.count}</span>
          </li>
        ))}
        {values.length > 50 && <li className="muted">… and {values.length - 50} more</li>}
      </ul>
    </section>
  );
}

function SubjectPage({
  caseId,
  subject,
  directory,
  onNavigate,
}: {
  readonly caseId: string;
  readonly subject: string;
  readonly directory: IdentityDirectory | undefined;
  readonly onNavigate: PeopleTabProps['onNavigate'];
}) {
  const { timeZone } = useApp();
  const activity = useLiveQuery(() => subjectActivity(caseId, subject), [caseId, subject]);
  const hidden = useHiddenViews();
  const stored = useLiveQuery(() => subjectFindings(caseId, subject), [caseId, subject]);
  const findings = stored?.filter((finding) => findingShown(hidden, finding));
  const identity = directory ? subjectIdentity(directory, subject) : undefined;
  const conflicts = (directory?.conflicts ?? []).filter((conflict) => conflict.subjects.includes(subject));
  return (
    <article className="panel subject-page" data-testid="subject-page">
      <h2 data-testid="subject-title">{safeText(bestName(directory, subject))}</h2>
      <p className="muted mono">subject id {safeText(subject)}</p>
      <NamesTable names={identity?.names ?? []} />
      {conflicts.map((conflict) => (
        <p key={`${conflict.kind}:${conflict.values.join()}`} className="warn-text" data-testid="subject-conflict">
          {conflict.kind === 'several-names'
            ? `Known under several ${conflict.nameKind}s: ${conflict.values.join(', ')}`
            : `The ${conflict.nameKind} ${conflict.values.join(', ')} is also used by ${conflict.subjects.filter((other) => other !== subject).join(', ')}`}
          {conflict.involvesClaims && ' — one side rests only on unverified token claims: look at those tokens first'}
        </p>
      ))}
      {activity && (
        <>
          <p data-testid="subject-span">
            {plural(activity.events, 'event')}
            {activity.truncated && ' (the first of more; filter the timeline for all)'}
            {activity.first !== null &&
              ` from ${formatInstant(activity.first, timeZone)} to ${formatInstant(activity.last ?? activity.first, timeZone)}`}{' '}
            {!hidden.map && (
              <button type="button" className="link" onClick={() => onNavigate('map', `subject:${subject}`)}>
                Show on the map
              </button>
            )}
          </p>
          <div className="subject-activity-grid">
            <ActivityList title="Tokens" values={activity.tokens} onOpen={(hash) => onNavigate('tokens', hash)} />
            <ActivityList title="Sessions" values={activity.sessions} />
            <ActivityList title="IPs" values={activity.ips} />
            <ActivityList title="Countries" values={activity.countries} />
          </div>
        </>
      )}
      <section data-testid="subject-findings">
        <h3>
          Findings <span className="count">{findings?.length ?? 0}</span>
        </h3>
        <ul className="plain-list">
          {(findings ?? []).map((finding) => (
            <li key={finding.key}>
              {hidden.findings ? (
                <strong>
                  [{finding.severity}] {finding.title}
                </strong>
              ) : (
                <button type="button" className="link" onClick={() => onNavigate('findings', finding.key)}>
                  [{finding.severity}] {finding.title}
                </button>
              )}{' '}
              <span className="muted">
                <ZonedProse text={finding.message} />
              </span>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}

export function PeopleTab({ caseId, focus, onNavigate }: PeopleTabProps) {
  const directory = useLiveQuery(() => caseIdentities(caseId), [caseId]);
  const logged = useLiveQuery(() => caseSubjectIds(caseId), [caseId]);
  const named = useLiveQuery(() => findingSubjects(caseId), [caseId]);
  const [query, setQuery] = useState('');
  const subjects = directory
    ? peopleIds(directory, [...(logged?.subjects ?? []), ...(named ?? [])]).filter((subject) =>
        matchesPeopleSearch(directory, subject, query.trim()),
      )
    : [];
  return (
    <div className="people-layout" data-testid="people-tab">
      <section className="panel">
        <h2>People</h2>
        {directory === undefined ? (
          <p className="muted">Names appear once the case analysis has run (Findings tab).</p>
        ) : (
          <>
            <label className="field">
              <span>Name or id</span>
              <input
                data-testid="people-search"
                value={query}
                onChange={(event) => setQuery(event.target.value)}
                placeholder="alma, alma@example.com, f3b1…"
              />
            </label>
            {directory.conflicts.length > 0 && (
              <p className="warn-text" data-testid="people-conflicts">
                {plural(directory.conflicts.length, 'name conflict')}: a renamed or shared account, or a token naming
                someone else.
              </p>
            )}
            <ul className="plain-list people-list" data-testid="people-list">
              {subjects.map((subject) => (
                <li key={subject}>
                  <button
                    type="button"
                    className={`link${subject === focus ? ' selected' : ''}`}
                    data-testid="people-subject"
                    aria-current={subject === focus ? 'true' : undefined}
                    onClick={() => onNavigate('people', subject)}
                  >
                    {safeText(bestName(directory, subject))}
                  </button>
                </li>
              ))}
            </ul>
            {logged?.truncated && (
              <p className="muted" data-testid="people-truncated">
                The events name more than {SUBJECT_LIST_LIMIT.toLocaleString('en')} subject ids: the first{' '}
                {SUBJECT_LIST_LIMIT.toLocaleString('en')} by id are listed with every named one. Filter the timeline by
                subject for the rest.
              </p>
            )}
          </>
        )}
      </section>
      {focus ? (
        <SubjectPage caseId={caseId} subject={focus} directory={directory} onNavigate={onNavigate} />
      ) : (
        <section className="panel muted">Pick a person to see every name, token, session, IP and finding.</section>
      )}
    </div>
  );
}
