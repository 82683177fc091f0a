import {
  appendAll,
  collectSource,
  type AuthEvent,
  type GeoLocator,
  type ParseProblem,
  type ParseSummary,
} from '../core';
import {
  analyzeTimeline,
  caseTokenReferenceFields,
  tokenFactsFromAnalysis,
  type TimelineResult,
} from '../core/timeline';
import { analyzeToken, createKeyring, tokenPresentation, type TokenAnalysis } from '../core/token';
import type { AnalyzeEvidence } from './analyze-evidence';
import { createNodeVerifier, nodeHmac } from './node-crypto-verifier';

/** What the whole in-memory pipeline produced. */
export interface PipelineResult {
  readonly events: readonly AuthEvent[];
  readonly parseProblems: readonly ParseProblem[];
  readonly summaries: readonly ParseSummary[];
  readonly analyses: readonly TokenAnalysis[];
  readonly timeline: TimelineResult;
}

const IN_FLIGHT = 32;

/** Where each distinct token was used, and the API its first located request went to. */
function tokenUsage(
  events: readonly AuthEvent[],
): Map<string, { compact: string; useTimes: number[]; presentedTo?: string }> {
  const usage = new Map<string, { compact: string; useTimes: number[]; presentedTo?: string }>();
  for (const event of events) {
    for (const token of event.tokens) {
      let item = usage.get(token.hash);
      if (!item) {
        item = { compact: token.compact, useTimes: [] };
        usage.set(token.hash, item);
      }
      const use = tokenPresentation(event, token);
      if (!use) continue;
      item.useTimes.push(use.time);
      item.presentedTo ??= use.presentedTo;
    }
  }
  return usage;
}

/**
 * Ingest every event file (core/sources), analyse each distinct token once (core/token, with the bundle's keys,
 * key history and case configuration, many verifications in flight), then correlate and run the detectors
 * (core/timeline).
 */
export async function runPipeline(evidence: AnalyzeEvidence, geo: GeoLocator | undefined): Promise<PipelineResult> {
  const events: AuthEvent[] = [];
  const parseProblems: ParseProblem[] = [];
  const summaries: ParseSummary[] = [];
  // The case's own digest and jti field names: parsers keep them so correlation can link those records.
  const formatOptions = { tokenReferenceFields: caseTokenReferenceFields(evidence.caseConfig) };
  for (const file of evidence.eventFiles) {
    const collected = await collectSource(file.open(), file.sha256, { geo, formatOptions });
    appendAll(events, collected.events);
    appendAll(parseProblems, collected.problems);
    summaries.push(collected.summary);
  }
  const keyring = createKeyring(evidence.keys, evidence.keyHistory);
  const verifier = createNodeVerifier();
  const usageByHash = tokenUsage(events);
  const usage = [...usageByHash.values()];
  const caseTokenHashes = new Set(usageByHash.keys());
  const lastTs = events.reduce((latest, event) => (event.ts !== null && event.ts > latest ? event.ts : latest), 0);
  const analyses: TokenAnalysis[] = [];
  for (let at = 0; at < usage.length; at += IN_FLIGHT) {
    analyses.push(
      ...(await Promise.all(
        usage.slice(at, at + IN_FLIGHT).map((item) =>
          analyzeToken(item.compact, {
            verifier,
            keyring,
            caseConfig: evidence.caseConfig,
            useTimes: item.useTimes,
            presentedTo: item.presentedTo,
            hmac: nodeHmac,
            now: lastTs || Date.now(),
            caseTokenHashes,
          }),
        ),
      )),
    );
  }
  const timeline = analyzeTimeline(events, {
    tokens: analyses.map(tokenFactsFromAnalysis),
    tokenFindings: analyses,
    caseConfig: evidence.caseConfig,
    keyHistory: evidence.keyHistory,
    parameters: evidence.parameters,
  });
  return { events, parseProblems, summaries, analyses, timeline };
}
