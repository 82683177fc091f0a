// One case analysis, as the worker runs it: the case's key history and configuration, the token engine's results,
// then every stored event page by page (keyset) into core/timeline, and the result stored in one transaction.
// Memory: core/timeline keeps a compact entry per event (not the record text), so this scales with the case.
import { createTimelineAnalysis } from '../../core/timeline';
import { saveCaseAnalysis } from './timeline-analysis-store';
import { caseEventsBySeq } from '../db/event-store';
import type { TokentrailDatabase } from '../db/schema';
import { caseAnalysisBasis } from './analysis-basis';
import type { TimelineAnalysisProgress, TimelineAnalysisSummary } from './timeline-analysis-protocol';
import { loadCaseEvidence } from './case-evidence';
import { checkCaseParameters } from '../../core/timeline';
import { mergeParameterOverrides } from './detector-parameters';
import { loadStoredTokenResults } from './stored-token-facts';
import { plural } from '../shell/format';
import { PreviousTokenLinks, saveTokenLinks } from './stored-token-links';
import { analysisMemoryProblem } from './analysis-memory';
import { SubjectIdGatherer } from './subject-ids';

/** Events per page: one read each, and a progress report. */
const PAGE_SIZE = 2000;

export interface RunTimelineAnalysisOptions {
  readonly signal: { readonly aborted: boolean };
  /** The page's heap limit: a case whose analysis would not fit is refused before any event is read. */
  readonly heapLimit?: number;
  readonly onProgress: (progress: TimelineAnalysisProgress) => void;
  readonly clock?: () => number;
}

/** Runs the detectors over the case; on cancel nothing is stored and the previous run's results stay. */
export async function runTimelineAnalysis(
  database: TokentrailDatabase,
  caseId: string,
  options: RunTimelineAnalysisOptions,
): Promise<{ cancelled: boolean; summary?: TimelineAnalysisSummary }> {
  const startedAt = Date.now();
  const record = await database.cases.get(caseId);
  if (!record) throw new Error('the case no longer exists');
  const basis = caseAnalysisBasis(record);
  const total = record.counts.events;
  const tooLarge = analysisMemoryProblem(total, options.heapLimit);
  if (tooLarge) throw new Error(tooLarge);
  options.onProgress({ phase: 'reading the case configuration and key history', done: 0, total });
  const evidence = await loadCaseEvidence(database, caseId);
  const fromCase = checkCaseParameters(record.detectorParameters ?? {});
  const problems = [
    ...evidence.problems,
    ...fromCase.problems.map((problem) => `parameters set in this case: ${problem.message}`),
  ];
  const tokens = await loadStoredTokenResults(database, caseId, options.signal);
  if (tokens.unanalysed > 0)
    problems.push(
      `${plural(tokens.unanalysed, 'token')} had not been analysed yet: their signature verdicts and token checks are missing from this run. Re-run after the token analysis.`,
    );

  const parameters = mergeParameterOverrides(evidence.parameters, fromCase.parameters);
  const analysis = createTimelineAnalysis({
    tokens: tokens.facts,
    tokenFindings: tokens.checks,
    caseConfig: evidence.caseConfig,
    keyHistory: evidence.keyHistory,
    parameters,
    clock: options.clock,
    onProgress: (phase, done, steps) => options.onProgress({ phase, done, total: steps }),
  });
  let read = 0;
  const previousLinks = new PreviousTokenLinks();
  const subjects = new SubjectIdGatherer();
  for await (const page of caseEventsBySeq(database, caseId, PAGE_SIZE)) {
    if (options.signal.aborted) return { cancelled: true };
    // The store's seq is the event's id in every finding and lifecycle: the UI opens events by it.
    analysis.add(page.map((row) => ({ ...row.event, id: row.seq })));
    for (const row of page) {
      previousLinks.note(row);
      subjects.note(row);
    }
    read += page.length;
    options.onProgress({ phase: 'reading events', done: read, total: Math.max(total, read) });
  }
  if (options.signal.aborted) return { cancelled: true };
  const result = analysis.finish();
  options.onProgress({
    phase: 'linking records that name a token by digest',
    done: 0,
    total: result.tokenLinks.length,
  });
  await saveTokenLinks(database, caseId, previousLinks, result.tokenLinks);
  await saveCaseAnalysis(database, {
    caseId,
    basis,
    startedAt,
    problems,
    parameters,
    result,
    subjectIds: subjects.result(),
  });
  const bySeverity: Record<string, number> = {};
  for (const finding of result.findings) bySeverity[finding.severity] = (bySeverity[finding.severity] ?? 0) + 1;
  return {
    cancelled: false,
    summary: {
      findings: result.findings.length,
      bySeverity,
      events: result.stats.events,
      milliseconds: Date.now() - startedAt,
    },
  };
}
