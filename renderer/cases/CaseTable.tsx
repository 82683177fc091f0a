// Every stored case, most recently touched first.
import type { CaseRecord } from '../db/records';
import { useApp } from '../shell/app-context';
import { formatBytes } from '../shell/format';
import { formatInstant } from '../shell/format-time';

interface CaseTableProps {
  readonly cases: readonly CaseRecord[];
  readonly onOpen: (caseId: string) => void;
  readonly onDelete: (record: CaseRecord) => void;
}

export function CaseTable({ cases, onOpen, onDelete }: CaseTableProps) {
  const { timeZone } = useApp();
  return (
    <table className="table" data-testid="case-list">
      <thead>
        <tr>
          <th>Case</th>
          <th>Number</th>
          <th className="num">Files</th>
          <th className="num">Evidence</th>
          <th className="num">Tokens</th>
          <th>Last change</th>
          <th>Actions</th>
        </tr>
      </thead>
      <tbody>
        {cases.map((record) => (
          <tr key={record.id} data-testid="case-row" data-case-title={record.title}>
            <td>
              <button type="button" className="link strong" data-testid="case-open" onClick={() => onOpen(record.id)}>
                {record.title}
              </button>
            </td>
            <td className="mono nowrap">{record.caseNumber ?? '—'}</td>
            <td className="num">{record.counts.files}</td>
            <td className="num">{formatBytes(record.counts.bytes)}</td>
            <td className="num" data-testid="case-token-count">
              {record.counts.tokens}
            </td>
            <td className="mono nowrap">{formatInstant(record.updatedAt, timeZone)}</td>
            <td className="actions">
              <button
                type="button"
                className="ghost danger-text"
                data-testid="case-delete"
                onClick={() => onDelete(record)}
              >
                Delete
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
