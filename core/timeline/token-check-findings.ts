import { checkById } from '../token/checks/registry';
import type { Finding } from '../token/findings';
import type { Timeline } from './correlate';
import type { FindingSink, ProvingEvent } from './finding-builder';

/** The token engine's findings on one token, to be shown with the detectors' findings. */
export interface TokenCheckResult {
  readonly tokenHash: string;
  readonly findings: readonly Finding[];
}

const EXPLANATION =
  'Found by the token engine in the token itself (docs/checks.md). The linked events are where this token appears in the evidence: its issue and its uses.';

/**
 * Turn token-check findings into timeline findings linked to every event that carries the token, so the UI and
 * CLI list them with the detectors' findings and an investigator can open the evidence from either.
 */
export function addTokenCheckFindings(
  results: Iterable<TokenCheckResult>,
  timeline: Timeline,
  sink: FindingSink,
): void {
  for (const result of results) {
    const track = timeline.tokens.get(result.tokenHash);
    const events: ProvingEvent[] = (track?.steps ?? [])
      .filter((step) => step.use !== 'seen' || step.entry.ts === null)
      .map((step) => ({
        entry: step.entry,
        role: step.use === 'issued' ? 'issue' : step.use === 'presented' ? 'use' : step.use,
        tokenHash: result.tokenHash,
      }));
    const facts = timeline.facts.get(result.tokenHash);
    let subject = facts?.subject;
    for (const step of track?.steps ?? []) subject ??= step.entry.effectiveSubject;
    result.findings.forEach((finding, index) => {
      const check = checkById(finding.id);
      sink.add({
        detector: {
          id: finding.id,
          title: check?.title ?? finding.id,
          severity: finding.severity,
          references: check?.references ?? [],
        },
        origin: 'token-check',
        scope: `${result.tokenHash}#${finding.id}#${index}`,
        message: finding.message,
        explanation: EXPLANATION,
        tokenHashes: [result.tokenHash],
        ...(subject !== undefined ? { subject } : {}),
        ...(facts?.sessionId !== undefined ? { sessionId: facts.sessionId } : {}),
        events,
        evidence: finding.evidence,
        detail: {
          ...(finding.evidence.field !== undefined ? { field: finding.evidence.field } : {}),
          ...(finding.evidence.detail ?? {}),
        },
      });
    });
  }
}
