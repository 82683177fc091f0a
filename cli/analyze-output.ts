import { apiProfileSummary, eventPlace as place } from '../core/export';
import { bestName, type IdentityDirectory, type TimelineResult } from '../core/timeline';
import type { PipelineResult } from './analyze-pipeline';
import type { AnalyzeEvidence } from './analyze-evidence';
import type { Output } from './output';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * The report for a person: what was read, then every finding with its proving events, most severe first. Every line
 * carries evidence (messages, kids, file names): `out` must be terminal-safe (analyze passes terminalSafeOutput).
 */
export function printHuman(evidence: AnalyzeEvidence, result: PipelineResult, out: Output): void {
  for (const report of evidence.reports) {
    out.stdout(
      `Evidence: ${report.origin.name} — ${report.verdict.toUpperCase()}${report.manifest.case.title ? ` — ${report.manifest.case.title}` : ''}`,
    );
  }
  const timeline: TimelineResult = result.timeline;
  out.stdout(
    `Events:   ${timeline.stats.events} from ${result.summaries.length} file(s) (${timeline.stats.untimedEvents} without a time), ${result.parseProblems.length} unreadable record(s)`,
  );
  out.stdout(
    `Tokens:   ${timeline.stats.tokens} distinct, ${timeline.families.length} families; period ${iso(timeline.stats.firstTs) ?? '-'} to ${iso(timeline.stats.lastTs) ?? '-'}`,
  );
  out.stdout('');
  if (timeline.findings.length === 0) out.stdout('No findings.');
  for (const finding of timeline.findings) {
    out.stdout(
      `[${finding.severity.toUpperCase()}] ${finding.id} — ${finding.title}${finding.origin === 'token-check' ? ' (token check)' : ''}`,
    );
    out.stdout(`  ${finding.message}`);
    if (finding.subject !== undefined) out.stdout(`    subject: ${bestName(timeline.identities, finding.subject)}`);
    for (const event of finding.events.slice(0, 8))
      out.stdout(
        `    ${(iso(event.ts) ?? '(no time)').padEnd(24)} ${event.kind.padEnd(9)} ${event.role.padEnd(22)} ${place(event.source)}  sha256:${event.source.sha256.slice(0, 12)}…`,
      );
    if (finding.eventCount > Math.min(8, finding.events.length))
      out.stdout(`    … ${finding.eventCount - Math.min(8, finding.events.length)} more event(s)`);
    for (const key of finding.keys ?? [])
      if (key.source) out.stdout(`    key history: "${key.kid}" at ${place(key.source)}`);
    if (finding.tokenHashes.length > 0)
      out.stdout(`    tokens: ${finding.tokenHashes.map((hash) => hash.slice(0, 16)).join(', ')}`);
    out.stdout('');
  }
  const counts = new Map<string, number>();
  for (const finding of timeline.findings) counts.set(finding.severity, (counts.get(finding.severity) ?? 0) + 1);
  out.stdout(
    `Findings: ${timeline.findings.length} (${
      ['critical', 'high', 'medium', 'low', 'info']
        .filter((severity) => counts.has(severity))
        .map((severity) => `${counts.get(severity)} ${severity}`)
        .join(', ') || 'none'
    })`,
  );
  for (const profile of timeline.apiProfiles ?? [])
    out.stdout(
      `API:      ${profile.name}${profile.configured ? '' : ' (not configured)'} — ${profile.requests} answered request(s) with a token, ${profile.accepted} accepted, ${profile.refused} refused: ${apiProfileSummary(profile)}`,
    );
  const { linked, ambiguous } = timeline.stats.hashLinking;
  if (linked + ambiguous > 0)
    out.stdout(
      `Linked:   ${linked} record(s) naming a token only by its digest or jti${ambiguous > 0 ? `; ${ambiguous} digest(s) fit several tokens and were left unlinked` : ''}`,
    );
  const skipped = timeline.runs.filter((run) => run.skipped !== undefined);
  if (skipped.length > 0) out.stdout(`Not judged: ${skipped.map((run) => `${run.id} (${run.skipped})`).join('; ')}`);
  printNameConflicts(timeline.identities, out);
}

/** One subject under several names, or one name on several subjects: worth a look whatever the findings say. */
function printNameConflicts(identities: IdentityDirectory, out: Output): void {
  for (const conflict of identities.conflicts) {
    const names = conflict.values.map((value) => `"${value}"`).join(', ');
    const claims = conflict.involvesClaims ? ' (partly from unverified token claims)' : '';
    out.stdout(
      conflict.kind === 'several-names'
        ? `Names:    subject ${conflict.subjects[0]} appears under ${conflict.nameKind}s ${names}${claims}`
        : `Names:    ${conflict.nameKind} ${names} is used by ${conflict.subjects.length} subjects: ${conflict.subjects.join(', ')}${claims}`,
    );
  }
}

/** Evidence problems name their file (and line) in their message too, to stand alone; printed after the place, once is enough. */
function withoutOwnPlace(message: string, file: string): string {
  if (!message.startsWith(file)) return message;
  return /^(?::\d+){0,2}: ([\s\S]*)$/.exec(message.slice(file.length))?.[1] ?? message;
}

/** Problems with the evidence, on stderr in both modes: they qualify every finding. */
export function printProblems(evidence: AnalyzeEvidence, result: PipelineResult, out: Output): void {
  for (const report of evidence.reports)
    if (report.verdict === 'mismatch')
      out.stderr(
        `warning: ${report.origin.name} does not match its manifest; findings rest on evidence whose integrity is not established.`,
      );
  for (const problem of evidence.problems)
    out.stderr(
      `${problem.file}${problem.line ? `:${problem.line}` : ''}: ${withoutOwnPlace(problem.message, problem.file)} [${problem.code}]`,
    );
  const shown = result.parseProblems.slice(0, 20);
  for (const problem of shown)
    out.stderr(`${problem.file}${problem.line ? `:${problem.line}` : ''}: ${problem.message} [${problem.code}]`);
  if (result.parseProblems.length > shown.length)
    out.stderr(
      `… and ${result.parseProblems.length - shown.length} more record problem(s) (tokentrail ingest lists them all)`,
    );
}
