// "Create signed report": the investigator writes the summary and limitations, chooses whether whole tokens and
// recovered secrets go in, sees which key signs (its thumbprint to publish, and a plain warning where the desktop
// keyring is no protection), and saves the signed package as one zip. The public key can be saved as a JWK for
// reviewers to pin.
import { useEffect, useState } from 'react';
import type { ReportSigningKeyInfo } from '../host/host';
import { useApp } from '../shell/app-context';
import { Dialog } from '../shell/Dialog';
import { safeText } from '../shell/format';
import { LOCAL_ZONE } from '../shell/format-time';
import { publicKeyFile, type CreatedReport } from './create-report';
import { chosenFindingKeys, type FindingChoice } from './finding-choices';
import { FindingChoiceList } from './FindingChoiceList';
import { createReport, reportFindingChoices } from './queries';

interface CreateReportDialogProps {
  readonly caseId: string;
  readonly title: string;
  readonly onClose: () => void;
}

const message = (failure: unknown): string => (failure instanceof Error ? failure.message : String(failure));

interface KeyPanelProps {
  readonly keyInfo: ReportSigningKeyInfo;
  readonly onExport: () => void;
  readonly onImport: () => void;
  readonly onForget: () => void;
}

function KeyPanel({ keyInfo, onExport, onImport, onForget }: KeyPanelProps) {
  const certificate = keyInfo.certificate;
  return (
    <div
      className="report-key"
      data-testid="report-signing-key"
      data-thumbprint={keyInfo.thumbprint}
      data-organisation={certificate ? 'true' : 'false'}
    >
      <p>
        Signed with {keyInfo.alg} key <span className="mono">{safeText(keyInfo.thumbprint)}</span> —{' '}
        {safeText(keyInfo.custody)}. Give reviewers this thumbprint (or the public key) through another channel so they
        can pin it.{' '}
        <button type="button" data-testid="report-export-public-key" onClick={onExport}>
          Save public key (JWK)…
        </button>
      </p>
      {certificate && (
        <p data-testid="report-key-certificate">
          Certificate: {safeText(certificate.subject)}, issued by {safeText(certificate.issuer)}, valid until{' '}
          {new Date(certificate.notAfter).toISOString()}; the chain of {certificate.chainLength} goes into the signature
          (x5c).
        </p>
      )}
      <p>
        <button type="button" data-testid="report-import-key" onClick={onImport}>
          Import organisation key…
        </button>{' '}
        {certificate && (
          <button type="button" data-testid="report-forget-key" onClick={onForget}>
            Sign with this app's own key again
          </button>
        )}{' '}
        <span className="muted">
          An organisation key is a PKCS#8 PEM (Ed25519 or P-256) with its certificate chain as PEM, leaf first: choose
          the files together.
        </span>
      </p>
      {keyInfo.weakProtection && (
        <p className="error" role="alert" data-testid="report-key-warning">
          {keyInfo.weakProtection}
        </p>
      )}
    </div>
  );
}

export function CreateReportDialog({ caseId, title, onClose }: CreateReportDialogProps) {
  const { host, investigator, timeZone } = useApp();
  const [keyInfo, setKeyInfo] = useState<ReportSigningKeyInfo>();
  const [summary, setSummary] = useState('');
  const [limitations, setLimitations] = useState('');
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedReport>();
  const [error, setError] = useState('');
  const [choices, setChoices] = useState<readonly FindingChoice[]>();
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    host.reportSigningKey().then(setKeyInfo, (failure: unknown) => setError(`No signing key: ${message(failure)}`));
  }, [host]);

  useEffect(() => {
    reportFindingChoices(caseId).then(
      (listed) => {
        setChoices(listed);
        setTicked(new Set(listed.filter((choice) => choice.byDefault).map((choice) => choice.key)));
      },
      (failure: unknown) => setError(`The findings could not be read: ${message(failure)}`),
    );
  }, [caseId]);

  const exportPublicKey = () => {
    if (!keyInfo) return;
    const file = publicKeyFile(keyInfo);
    host.saveExport(file.name, file.bytes).catch((failure: unknown) => setError(message(failure)));
  };

  const importKey = () => {
    setError('');
    host.importOrganisationSigningKey().then(
      (imported) => imported && setKeyInfo(imported),
      (failure: unknown) =>
        setError(`The organisation key was not imported: ${message(failure).replace(/^.*not imported: /, '')}`),
    );
  };

  const forgetKey = () => {
    setError('');
    host.forgetOrganisationSigningKey().then(setKeyInfo, (failure: unknown) => setError(message(failure)));
  };

  const create = async () => {
    setBusy(true);
    setError('');
    try {
      const zone = timeZone === LOCAL_ZONE ? Intl.DateTimeFormat().resolvedOptions().timeZone : timeZone;
      setCreated(
        await createReport(host, {
          caseId,
          caseTitle: title,
          investigator,
          statement: { examiners: [investigator], timeZone: zone, summary, limitations },
          includeSecrets,
          findingKeys: choices ? chosenFindingKeys(choices, ticked) : undefined,
        }),
      );
    } catch (failure) {
      setError(`The report could not be made: ${message(failure)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Create signed report" testId="report-dialog" onClose={onClose}>
      <div className="dialog-body report-form">
        <p className="muted">
          The report holds the evidence inventory with its custody, the method, the findings you tick below (at first
          the ones you confirmed plus the open high and critical ones) with the records that prove them, their lifecycle
          and map figures, your notes, recommendations and the journal head. It is signed by you (
          {safeText(investigator)}) and saved as one zip: report.json, report.html, report.pdf, manifest.json and
          manifest.jws.
        </p>
        <label>
          Summary
          <textarea
            data-testid="report-summary"
            rows={4}
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
          />
        </label>
        <label>
          Limitations
          <textarea
            data-testid="report-limitations"
            rows={3}
            value={limitations}
            onChange={(e) => setLimitations(e.target.value)}
          />
        </label>
        {choices && <FindingChoiceList choices={choices} ticked={ticked} onChange={setTicked} />}
        <label>
          <input
            type="checkbox"
            data-testid="report-include-secrets"
            checked={includeSecrets}
            onChange={(e) => setIncludeSecrets(e.target.checked)}
          />{' '}
          Include whole tokens and recovered secrets (they are live credentials; the report says so on its first page)
        </label>
        {keyInfo && <KeyPanel keyInfo={keyInfo} onExport={exportPublicKey} onImport={importKey} onForget={forgetKey} />}
        {created?.saved && (
          <p className="notice" data-testid="report-created" data-manifest-sha256={created.manifestSha256}>
            Saved {safeText(created.path ?? created.fileName)}: {created.findings} findings, {created.tokens} tokens,
            manifest SHA-256 <span className="mono">{created.manifestSha256}</span>. Journaled as “report”.
          </p>
        )}
        {created && !created.saved && <p className="muted">Not saved: nothing was journaled.</p>}
        {error && (
          <p className="error" role="alert" data-testid="report-error">
            {error}
          </p>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" data-testid="report-close" onClick={onClose}>
          Close
        </button>
        <button
          type="button"
          data-testid="report-create"
          disabled={busy || !keyInfo || !choices}
          onClick={() => void create()}
        >
          {busy ? 'Signing…' : 'Create and save'}
        </button>
      </div>
    </Dialog>
  );
}

/** The case header's button that opens the dialog. */
export function CreateReportButton({ caseId, title }: { readonly caseId: string; readonly title: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" data-testid="report-open" onClick={() => setOpen(true)}>
        Create signed report
      </button>
      {open && <CreateReportDialog caseId={caseId} title={title} onClose={() => setOpen(false)} />}
    </>
  );
}
