// Help ▸ About (desktop) and the top bar's "About" (both hosts): what exactly is running, so a finding can be
// reproduced and a report's method checked — the app, its shell, the version of every rule, and the geolocation
// databases of this profile with their licences.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { TOOL_VERSION } from '../../core';
import { ruleVersions, rulesetFingerprint } from '../../core/timeline';
import type { ShellInfo } from '../host/host';
import { describeGeoDatabase } from '../geo/describe-geo-database';
import { loadedGeoDatabases } from '../geo/queries';
import { useApp } from './app-context';
import { Dialog } from './Dialog';

const RULES = ruleVersions();
const FINGERPRINT = rulesetFingerprint(RULES);

export function AboutDialog({ onClose }: { readonly onClose: () => void }) {
  const { host } = useApp();
  const [shell, setShell] = useState<ShellInfo | undefined>();
  const geo = useLiveQuery(loadedGeoDatabases, []);
  useEffect(() => {
    let live = true;
    host.shellInfo().then(
      (info) => live && setShell(info),
      (error: unknown) => live && setShell({ shell: `unknown (${String(error)})` }),
    );
    return () => {
      live = false;
    };
  }, [host]);
  const checks = RULES.filter((rule) => rule.kind === 'check').length;
  return (
    <Dialog title="About Tokentrail" testId="about-dialog" onClose={onClose}>
      <dl className="about-facts">
        <dt>Version</dt>
        <dd data-testid="about-version">Tokentrail {TOOL_VERSION}</dd>
        <dt>Running in</dt>
        <dd data-testid="about-shell">{shell ? shell.shell : '…'}</dd>
        {shell?.chromium && (
          <>
            <dt>Chromium</dt>
            <dd>{shell.chromium}</dd>
          </>
        )}
        {shell?.node && (
          <>
            <dt>Node</dt>
            <dd>{shell.node}</dd>
          </>
        )}
        <dt>Rules</dt>
        <dd data-testid="about-rules">
          {checks} token checks, {RULES.length - checks} timeline detectors · rule set{' '}
          <span className="mono" title={FINGERPRINT}>
            {FINGERPRINT.slice(0, 16)}
          </span>
        </dd>
        <dt>Geolocation</dt>
        <dd data-testid="about-geo">
          {geo === undefined
            ? '…'
            : geo.length === 0
              ? 'No database in this profile: locations come only from the logs themselves.'
              : geo.map((info) => <div key={info.id}>{describeGeoDatabase(info)}</div>)}
        </dd>
      </dl>
      <details>
        <summary>Every rule and its version</summary>
        <ul className="plain-list mono about-rules" data-testid="about-rule-list" tabIndex={0} aria-label="Rules">
          {RULES.map((rule) => (
            <li key={`${rule.kind}:${rule.id}`}>
              {rule.kind} {rule.id} {rule.version}
            </li>
          ))}
        </ul>
      </details>
      <p className="muted">Offline by design: nothing opened here leaves this machine.</p>
      <div className="dialog-actions">
        <button type="button" onClick={onClose} data-testid="about-close">
          Close
        </button>
      </div>
    </Dialog>
  );
}
