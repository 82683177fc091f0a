// The APIs tab: every API the evidence shows answering token-carrying requests (the case's configured APIs, else
// host and path prefix), and one API's verification profile — per class of token flaw, what it was seen to accept
// (2xx/3xx) and refuse (401/403), with the requests, or that it was never tested. An API that accepted a flaw has a
// bad-token-accepted finding; its profile says what else it lets through.
import { useHiddenViews } from '../exercise/hidden-views';
import { useLiveQuery } from 'dexie-react-hooks';
import { FLAW_LABELS, type ApiProfile, type ProfileAnswers, type ProfileFlaw } from '../../core/timeline';
import type { CaseTab } from '../shell/route';
import { eventFocus } from '../shell/route';
import { useApp } from '../shell/app-context';
import { location, plural, safeText } from '../shell/format';
import { formatInstant } from '../shell/format-time';
import { caseApiProfiles } from './queries';

interface ApisTabProps {
  readonly caseId: string;
  /** The key of the API whose profile is open (`api:Orders API`, `host:api.example/orders/v2`). */
  readonly focus?: string;
  readonly onNavigate: (tab: CaseTab, focus?: string) => void;
}

const VERDICT_TEXT: Record<ProfileFlaw['verdict'], string> = {
  accepts: 'accepts',
  refuses: 'refuses',
  'never-tested': 'never tested',
  'not-judged': 'not judged',
};

const VERDICT_BADGE: Record<ProfileFlaw['verdict'], string> = {
  accepts: 'badge badge-bad',
  refuses: 'badge badge-good',
  'never-tested': 'badge badge-neutral',
  'not-judged': 'badge badge-neutral',
};

function acceptedFlaws(profile: ApiProfile): number {
  return profile.flaws.filter((row) => row.verdict === 'accepts').length;
}

function Answers({
  answers,
  onNavigate,
}: {
  readonly answers: ProfileAnswers;
  readonly onNavigate: ApisTabProps['onNavigate'];
}) {
  const { timeZone } = useApp();
  if (answers.count === 0) return <span className="muted">—</span>;
  return (
    <>
      {plural(answers.count, 'request')} ({answers.statuses.join(', ')})
      <ul className="plain-list small mono">
        {answers.events.slice(0, 5).map((event, index) => (
          <li key={`${event.source.sha256}:${event.source.line ?? ''}:${event.source.index ?? ''}:${index}`}>
            {typeof event.id === 'number' ? (
              <button
                type="button"
                className="link"
                data-testid="api-profile-event"
                onClick={() => onNavigate('timeline', eventFocus(event.id as number))}
              >
                {location(event.source.file, event.source.line)}
              </button>
            ) : (
              location(event.source.file, event.source.line)
            )}
            {event.ts !== null && ` · ${formatInstant(event.ts, timeZone)}`}
          </li>
        ))}
        {answers.count > 5 && <li className="muted">… and {answers.count - 5} more</li>}
      </ul>
    </>
  );
}

function ProfilePage({
  profile,
  onNavigate,
}: {
  readonly profile: ApiProfile;
  readonly onNavigate: ApisTabProps['onNavigate'];
}) {
  const hidden = useHiddenViews();
  return (
    <article className="panel api-profile" data-testid="api-profile">
      <h2 data-testid="api-profile-title">{safeText(profile.name)}</h2>
      <p className="muted mono">
        {safeText(`${profile.host ?? '(any host)'}${profile.pathPrefix}`)}
        {profile.configured ? ' · configured in case-config.json' : ' · not configured: grouped by host and path'}
      </p>
      <p data-testid="api-profile-summary">
        {plural(profile.requests, 'answered request')} carrying {plural(profile.tokens, 'token')}: {profile.accepted}{' '}
        accepted, {profile.refused} refused.
      </p>
      {/* Which token flaws an API accepted is the token checks' verdict: an exercise hiding the checks hides it. */}
      {hidden.tokenChecks ? (
        <p className="muted" data-testid="api-profile-flaws-hidden">
          The token checks are hidden in this exercise, and with them which token flaws this API accepted.
        </p>
      ) : (
        <>
          <table className="table" data-testid="api-profile-flaws">
            <thead>
              <tr>
                <th>Token flaw a correct verifier refuses</th>
                <th>This API</th>
                <th>Accepted (2xx/3xx)</th>
                <th>Refused (401/403)</th>
              </tr>
            </thead>
            <tbody>
              {profile.flaws.map((row) => (
                <tr key={row.flaw} data-testid="api-profile-flaw" data-flaw={row.flaw} data-verdict={row.verdict}>
                  <td>
                    {FLAW_LABELS[row.flaw]} <code className="muted small">{row.flaw}</code>
                  </td>
                  <td>
                    <span className={VERDICT_BADGE[row.verdict]}>{VERDICT_TEXT[row.verdict]}</span>
                  </td>
                  <td>
                    <Answers answers={row.accepted} onNavigate={onNavigate} />
                  </td>
                  <td>
                    <Answers answers={row.refused} onNavigate={onNavigate} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">
            Not judged: the case configuration lacks what judging needs (the API&apos;s audiences, the expected
            issuers). Never tested: no request to this API carried a token with that flaw. docs/detectors.md,
            bad-token-accepted.
          </p>
        </>
      )}
    </article>
  );
}

export function ApisTab({ caseId, focus, onNavigate }: ApisTabProps) {
  const profiles = useLiveQuery(() => caseApiProfiles(caseId), [caseId]);
  const hidden = useHiddenViews();
  const open = profiles?.find((profile) => profile.key === focus);
  return (
    <div className="people-layout" data-testid="apis-tab">
      <section className="panel">
        <h2>APIs</h2>
        {profiles === undefined ? (
          <p className="muted">API profiles appear once the case analysis has run (Findings tab).</p>
        ) : profiles.length === 0 ? (
          <p className="muted" data-testid="apis-empty">
            No request with a token and an HTTP status (HAR, access logs) in the evidence.
          </p>
        ) : (
          <ul className="plain-list people-list" data-testid="apis-list">
            {profiles.map((profile) => (
              <li key={profile.key}>
                <button
                  type="button"
                  className={`link${profile.key === focus ? ' selected' : ''}`}
                  data-testid="apis-item"
                  aria-current={profile.key === focus ? 'true' : undefined}
                  onClick={() => onNavigate('apis', profile.key)}
                >
                  {safeText(profile.name)}
                </button>{' '}
                <span className="muted small">{plural(profile.requests, 'request')}</span>{' '}
                {!hidden.tokenChecks && acceptedFlaws(profile) > 0 && (
                  <span className="badge badge-bad" data-testid="apis-item-accepts">
                    accepts {plural(acceptedFlaws(profile), 'flaw')}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {open ? (
        <ProfilePage profile={open} onNavigate={onNavigate} />
      ) : (
        <section className="panel muted">
          {focus && profiles ? 'That API is not in the last analysis. ' : ''}Pick an API to see which bad tokens it
          accepted and refused.
        </section>
      )}
    </div>
  );
}
