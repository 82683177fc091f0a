import { buildApiProfiles } from './acceptance/api-profiles';
import { correlate } from './correlate';
import type { Detector } from './detectors/detector';
import { TIMELINE_DETECTORS } from './detectors/registry';
import { entryPools, toEntry, type Entry, type EntryPools } from './entry';
import { buildFamilies } from './families';
import { hashLinkSettings } from './hashed-tokens/link-fields';
import { eventTokenLinks } from './hashed-tokens/event-token-links';
import { buildIdentityDirectory } from './identity/build-directory';
import { FindingSink } from './finding-builder';
import { buildLifecycles } from './lifecycles';
import { buildRefreshIdLifecycles } from './refresh-id-lifecycles';
import { COMMON_DEFAULTS, resolveParameters } from './parameters';
import { addTokenCheckFindings, type TokenCheckResult } from './token-check-findings';
import type { DetectorRun, TimelineEvent, TimelineOptions, TimelineResult } from './types';

/** Options of {@link createTimelineAnalysis}: the timeline options, plus the token engine's findings to merge. */
export interface TimelineAnalysisOptions extends TimelineOptions {
  /** Token-check findings per token; they are listed with the detectors' findings, linked to the token's events. */
  readonly tokenFindings?: Iterable<TokenCheckResult>;
  /** Clock for the timing figures (performance.now in hosts that have it); defaults to Date.now. */
  readonly clock?: () => number;
}

/** An analysis fed in batches: a worker adds each page of events it reads from the store, then finishes. */
export interface TimelineAnalysis {
  /** Add events (any order). Only the fields the timeline reads are kept, not the record text. */
  add(events: Iterable<TimelineEvent>): void;
  /** Correlate, build lifecycles and run the detectors. Call once. */
  finish(): TimelineResult;
}

/**
 * Start a timeline analysis: `add()` events in batches, then `finish()`. Cost: one sort of the events, then linear
 * passes with per-token, per-session and per-subject state (no pairwise comparisons), so time per event stays flat as
 * the case grows (test/bench/analyze-timeline.ts).
 */
export function createTimelineAnalysis(options: TimelineAnalysisOptions = {}): TimelineAnalysis {
  const links = hashLinkSettings(options.caseConfig);
  // Dropped once finish() has run: the caller holds the analysis while it stores the result, and the entries are
  // most of the memory (core/timeline/entry-table.ts).
  let state: { entries: Entry[]; pools: EntryPools } | undefined = { entries: [], pools: entryPools() };
  return {
    add(events) {
      if (!state) throw new Error('createTimelineAnalysis: add() after finish()');
      const { entries, pools } = state;
      for (const event of events) entries.push(toEntry(event, entries.length, links, pools));
    },
    finish() {
      if (!state) throw new Error('createTimelineAnalysis: finish() called twice');
      const { entries } = state;
      state = undefined;
      return runAnalysis(entries, options);
    },
  };
}

/** Analyse events already in memory: {@link createTimelineAnalysis} with one batch. */
export function analyzeTimeline(
  events: Iterable<TimelineEvent>,
  options: TimelineAnalysisOptions = {},
): TimelineResult {
  const analysis = createTimelineAnalysis(options);
  analysis.add(events);
  return analysis.finish();
}

function runAnalysis(entries: Entry[], options: TimelineAnalysisOptions): TimelineResult {
  const clock = options.clock ?? Date.now;
  const started = clock();
  const overrides = options.parameters ?? {};
  const common = resolveParameters(COMMON_DEFAULTS, overrides.common);
  const selected: readonly Detector<object>[] = options.detectors
    ? TIMELINE_DETECTORS.filter((detector) => options.detectors!.includes(detector.id))
    : TIMELINE_DETECTORS;
  const total = selected.length + 3;
  let step = 0;
  const progress = (phase: string) => options.onProgress?.(phase, step++, total);

  progress('correlating events');
  const timeline = correlate(entries, options.tokens ?? [], options.caseConfig, options.keyHistory ?? []);
  progress('linking token families');
  const families = buildFamilies(timeline);
  progress('building lifecycles');
  const lifecycles = [...buildLifecycles(timeline, families, common), ...buildRefreshIdLifecycles(timeline)];
  const identities = buildIdentityDirectory(timeline);

  const sink = new FindingSink(common.maxEventsPerFinding);
  if (options.tokenFindings) addTokenCheckFindings(options.tokenFindings, timeline, sink);
  const runs: DetectorRun[] = [];
  for (const detector of selected) {
    progress(`running ${detector.id}`);
    const before = sink.count(detector.id);
    const detectorStart = clock();
    let skipped: string | undefined;
    try {
      skipped = detector.run({
        timeline,
        families,
        parameters: resolveParameters(detector.defaults, overrides[detector.id]),
        common,
        findings: sink,
        identities,
      });
    } catch (error) {
      // A detector bug must not hide the other detectors' findings: record it as the reason this one said nothing.
      skipped = `the detector failed: ${(error as Error).message}`;
    }
    const found = sink.count(detector.id) - before;
    runs.push({
      id: detector.id,
      findings: found,
      milliseconds: clock() - detectorStart,
      ...(skipped !== undefined && found === 0 ? { skipped } : {}),
    });
  }
  options.onProgress?.('done', total, total);
  const timed = timeline.entries;
  return {
    findings: sink.all(),
    lifecycles,
    families: families.families,
    runs,
    identities,
    apiProfiles: buildApiProfiles(timeline, common),
    tokenLinks: eventTokenLinks(timeline),
    stats: {
      events: entries.length,
      untimedEvents: timeline.untimed.length,
      tokens: timeline.tokens.size,
      firstTs: timed.length > 0 ? timed[0]!.ts : null,
      lastTs: timed.length > 0 ? timed[timed.length - 1]!.ts : null,
      milliseconds: clock() - started,
      hashLinking: timeline.hashLinking,
    },
  };
}
