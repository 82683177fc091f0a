// The Evidence tab: stored files with their verdicts, re-verification, and the custody log.
import { useLiveQuery } from 'dexie-react-hooks';
import type { CaseRecord } from '../db/records';
import { CaseMetadataList } from './CaseMetadataList';
import { CustodyLog } from './CustodyLog';
import { EvidenceFilesTable } from './EvidenceFilesTable';
import { caseEvidence } from './queries';
import { ReverifyButton } from './ReverifyButton';

async function loadEvidence(caseId: string) {
  const { files, imports, custody } = await caseEvidence(caseId);
  return { files, imports: new Map(imports.map((record) => [record.id, record])), custody };
}

export function EvidenceTab({ caseRecord }: { readonly caseRecord: CaseRecord }) {
  const evidence = useLiveQuery(() => loadEvidence(caseRecord.id), [caseRecord.id, caseRecord.updatedAt]);
  if (!evidence) return <div className="loading">Loading evidence…</div>;
  return (
    <div className="stack">
      <section className="panel">
        <div className="panel-head">
          <h2>Evidence files</h2>
          <ReverifyButton caseId={caseRecord.id} disabled={evidence.files.length === 0} />
        </div>
        {caseRecord.metadata && <CaseMetadataList metadata={caseRecord.metadata} />}
        {evidence.files.length === 0 ? (
          <div className="empty" data-testid="evidence-empty">
            <p>
              <strong>No evidence in this case yet.</strong>
            </p>
            <p>
              Add a bundle zip, a bundle folder or loose files above. Each is verified and shown to you before anything
              is stored.
            </p>
          </div>
        ) : (
          <EvidenceFilesTable files={evidence.files} imports={evidence.imports} />
        )}
      </section>
      <CustodyLog entries={evidence.custody} anchor={caseRecord.custodyAnchor} />
    </div>
  );
}
