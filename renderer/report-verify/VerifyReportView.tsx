// Verify a report: a reviewer picks a report package (and, optionally, the evidence bundle and the signer's
// thumbprint) and sees every check with its result. Nothing is stored; nothing leaves the machine.
import { useState } from 'react';
import { verifyReportPackage, type ReportVerification } from '../../core/report';
import type { Host, PickKind, PickedSelection } from '../host/host';
import { safeText } from '../shell/format';
import { VerdictBadge } from '../shell/VerdictBadge';
import { evidenceFileHashes, readReportPackage } from './read-report-package';

interface Picked {
  readonly package?: PickedSelection;
  readonly evidence?: PickedSelection;
}

const STATUS_BADGE = {
  pass: { tone: 'good', label: 'pass' },
  fail: { tone: 'bad', label: 'FAIL' },
  skipped: { tone: 'neutral', label: 'not checked' },
} as const;

function PickButton(props: {
  readonly testId: string;
  readonly label: string;
  readonly onPick: () => void;
  readonly chosen?: PickedSelection;
}) {
  return (
    <p>
      <button type="button" data-testid={props.testId} onClick={props.onPick}>
        {props.label}
      </button>{' '}
      <span className="muted">{props.chosen ? safeText(props.chosen.name) : 'none chosen'}</span>
    </p>
  );
}

function Result({ verification }: { readonly verification: ReportVerification }) {
  return (
    <section className="panel" data-testid="report-verification" data-verified={verification.verified}>
      <div className="panel-head">
        <strong>{verification.verified ? 'Report verified' : 'Report NOT verified'}</strong>
        <VerdictBadge verdict={verification.verified ? 'verified' : 'mismatch'} testId="report-verdict" />
      </div>
      {verification.signer && (
        <p data-testid="report-signer">
          Signed by <b>{safeText(verification.signer.name)}</b> at {safeText(verification.signer.signedAt)} with{' '}
          {safeText(verification.signer.alg)} key <span className="mono">{safeText(verification.signer.kid)}</span>
        </p>
      )}
      <table className="table">
        <thead>
          <tr>
            <th>Result</th>
            <th>Check</th>
            <th>File</th>
            <th>What was found</th>
          </tr>
        </thead>
        <tbody>
          {verification.checks.map((check, index) => (
            <tr key={index} data-testid="report-check" data-status={check.status} data-check={check.id}>
              <td>
                <span className={`badge badge-${STATUS_BADGE[check.status].tone}`}>
                  {STATUS_BADGE[check.status].label}
                </span>
              </td>
              <td className="mono">{check.id}</td>
              <td className="mono">{safeText(check.file ?? '')}</td>
              <td>{safeText(check.message)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function VerifyReportView({ host }: { readonly host: Host }) {
  const [picked, setPicked] = useState<Picked>({});
  const [thumbprint, setThumbprint] = useState('');
  const [verification, setVerification] = useState<ReportVerification>();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const pick = (kind: PickKind, slot: keyof Picked) => {
    host.pick(kind).then(
      (selection) => {
        if (!selection) return;
        setPicked((current) => ({ ...current, [slot]: selection }));
        setVerification(undefined);
      },
      (failure: unknown) => setError(`Opening the picker failed: ${String(failure)}`),
    );
  };

  const verify = async () => {
    if (!picked.package) return;
    setBusy(true);
    setError('');
    try {
      const files = await readReportPackage(picked.package);
      const evidence = picked.evidence ? await evidenceFileHashes(picked.evidence) : undefined;
      setVerification(await verifyReportPackage(files, { pinnedThumbprint: thumbprint || undefined, evidence }));
    } catch (failure) {
      setError(`The report could not be read: ${failure instanceof Error ? failure.message : String(failure)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="page verify-report" data-testid="verify-report-view">
      <h1>Verify a report</h1>
      <p className="muted">
        Checks a signed Tokentrail report package: the signature over manifest.json, every file against the manifest
        (and nothing more), the signer against the thumbprint you were given, and — with the evidence bundle — every
        evidence hash in the report. Nothing is stored and nothing leaves this machine.
      </p>
      <section className="panel">
        <h2>1. The report package</h2>
        <PickButton
          testId="verify-pick-package-files"
          label="Package files…"
          onPick={() => pick('files', 'package')}
          chosen={picked.package}
        />
        <button type="button" data-testid="verify-pick-package-folder" onClick={() => pick('folder', 'package')}>
          Package folder…
        </button>{' '}
        <button type="button" data-testid="verify-pick-package-zip" onClick={() => pick('zip', 'package')}>
          Package zip…
        </button>
        <h2>2. The signer&apos;s key thumbprint (recommended)</h2>
        <p>
          <input
            data-testid="verify-thumbprint"
            className="mono"
            size={50}
            placeholder="RFC 7638 thumbprint, 43 characters, obtained out of band"
            value={thumbprint}
            onChange={(event) => setThumbprint(event.target.value)}
          />
        </p>
        <h2>3. The evidence bundle (optional)</h2>
        <PickButton
          testId="verify-pick-evidence"
          label="Bundle zip…"
          onPick={() => pick('zip', 'evidence')}
          chosen={picked.evidence}
        />
        <button type="button" data-testid="verify-run" disabled={!picked.package || busy} onClick={() => void verify()}>
          {busy ? 'Verifying…' : 'Verify'}
        </button>
      </section>
      {error && (
        <p className="error" role="alert" data-testid="verify-error">
          {error}
        </p>
      )}
      {verification && <Result verification={verification} />}
    </main>
  );
}
