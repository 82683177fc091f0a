import type { ReportCheck } from './verify-report';
import type { ReportModel } from './types';
import { REPORT_FILES } from './report-package';

/** An evidence file as a reviewer's copy of the bundle has it. */
export interface EvidenceFileHash {
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
}

function reportEvidence(reportJson: Uint8Array | undefined): ReportModel['evidence'] | undefined {
  if (!reportJson) return undefined;
  try {
    const model = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(reportJson)) as Partial<ReportModel>;
    return Array.isArray(model.evidence) ? model.evidence : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every evidence file report.json lists against the reviewer's bundle: the same path with the same SHA-256 and
 * size, and no bundle file the report leaves out. Each difference names the file and both hashes.
 */
export function compareEvidence(
  reportJson: Uint8Array | undefined,
  bundle: readonly EvidenceFileHash[],
): ReportCheck[] {
  const listed = reportEvidence(reportJson);
  if (!listed)
    return [
      { id: 'evidence', status: 'fail', file: REPORT_FILES.json, message: 'holds no evidence inventory to compare' },
    ];
  const byPath = new Map(bundle.map((file) => [file.path, file]));
  const checks: ReportCheck[] = listed.map((file): ReportCheck => {
    const found = byPath.get(file.path);
    byPath.delete(file.path);
    if (!found)
      return {
        id: 'evidence',
        status: 'fail',
        file: file.path,
        message: 'is in the report but not in the evidence bundle',
      };
    if (found.sha256 !== file.sha256 || found.size !== file.size)
      return {
        id: 'evidence',
        status: 'fail',
        file: file.path,
        message: `differs: the bundle's copy is ${found.size} bytes, SHA-256 ${found.sha256}; the report says ${file.size} bytes, SHA-256 ${file.sha256}`,
      };
    return { id: 'evidence', status: 'pass', file: file.path, message: `SHA-256 ${file.sha256} as reported` };
  });
  for (const extra of byPath.values())
    checks.push({
      id: 'evidence',
      status: 'fail',
      file: extra.path,
      message: 'is in the evidence bundle but not in the report',
    });
  return checks;
}
