// What the case overview shows, worked out from the stored results alone (pure, so it is unit-tested without a
// store): the incidents most severe first, who and which tokens they involve, and the evidence verdict in a line.
import { SEVERITY_RANK, type Severity } from '../../core/token';
import type { FileVerdict } from '../../core/evidence';
import type { StoredFinding } from '../db/case-analysis-records';
import { plural } from '../shell/format';

/** The findings of one severity, in the order the Findings tab lists them. */
export interface SeverityGroup {
  readonly severity: Severity;
  readonly findings: readonly StoredFinding[];
}

/** Something the findings involve (a subject or a token) and how many findings name it. */
export interface Involved {
  readonly value: string;
  readonly findings: number;
}

/** Findings grouped by severity, most severe first; inside a group, timed findings by time, then untimed ones. */
export function incidentsBySeverity(findings: readonly StoredFinding[]): SeverityGroup[] {
  const groups = new Map<Severity, StoredFinding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.severity) ?? [];
    group.push(finding);
    groups.set(finding.severity, group);
  }
  const byTime = (a: StoredFinding, b: StoredFinding) => (a.ts ?? Infinity) - (b.ts ?? Infinity);
  return [...groups]
    .sort(([a], [b]) => SEVERITY_RANK[b] - SEVERITY_RANK[a])
    .map(([severity, group]) => ({ severity, findings: group.sort(byTime) }));
}

function tally(values: Iterable<string>): Involved[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, findings: count }))
    .sort((a, b) => b.findings - a.findings || a.value.localeCompare(b.value));
}

/** The subjects the findings name, most often named first. */
export function involvedSubjects(findings: readonly StoredFinding[]): Involved[] {
  return tally(findings.flatMap((finding) => (finding.subject ? [finding.subject] : [])));
}

/** The tokens the findings name (by hash), most often named first. */
export function involvedTokens(findings: readonly StoredFinding[]): Involved[] {
  // A finding naming one token twice counts once for it.
  return tally(findings.flatMap((finding) => [...new Set(finding.tokenHashes)]));
}

/** The evidence verdict in one line, and whether every file is as its manifest declares. */
export function evidenceVerdictLine(verdicts: readonly FileVerdict[]): {
  readonly text: string;
  readonly intact: boolean;
} {
  if (verdicts.length === 0) return { text: 'No evidence in this case yet.', intact: false };
  const bad = verdicts.filter((verdict) => verdict !== 'match' && verdict !== 'generated');
  const generated = verdicts.filter((verdict) => verdict === 'generated').length;
  const loose =
    generated > 0 ? ` (${plural(generated, 'loose file')} hashed on import, with no manifest to check)` : '';
  if (bad.length === 0)
    return { text: `${plural(verdicts.length, 'file')}, every one as its manifest declares${loose}.`, intact: true };
  const kinds = tally(bad)
    .map((entry) => `${entry.findings} ${entry.value}`)
    .join(', ');
  return {
    text: `${bad.length} of ${plural(verdicts.length, 'file')} differ from the manifest (${kinds}): see the Evidence tab before relying on them.`,
    intact: false,
  };
}
