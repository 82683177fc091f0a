// The token analysis of one case, as the worker runs it: load the case's key material and its tokens' uses once,
// then analyse each distinct token with core/token (a page of tokens in flight at a time: every WebCrypto call is
// a round trip, so one-at-a-time would leave the CPU idle), and store each page's results in one transaction
// while the next page is analysed.
import { sha256HexOfText } from '../../core/evidence';
import {
  analyzeToken,
  createWebCryptoPublicKeyDeriver,
  createWebCryptoVerifier,
  effectiveSignature,
  guessingHmac,
  type SignatureVerifier,
  type SubtleLike,
  type TokenAnalysis,
} from '../../core/token';
import type { DecryptedContent } from '../db/token-analysis-records';
import type { TokenRecord } from '../db/records';
import type { TokentrailDatabase } from '../db/schema';
import { saveAnalyses, type AnalysisResult } from './token-analysis-store';
import { casePages } from '../db/case-pages';
import { caseTokenUses, latestEventTime, NO_USES, type TokenUses } from './token-uses';
import type { AnalysisScope, AnalyzeProgress, AnalyzeSummary } from './token-analysis-protocol';
import { loadCaseKeyMaterial, type CaseKeyMaterial } from './case-key-material';

/** Tokens per page: analysed concurrently and stored in one transaction. */
const PAGE_SIZE = 512;

export interface AnalyzeCaseTokensOptions {
  readonly scope: AnalysisScope;
  readonly signal: { readonly aborted: boolean };
  readonly subtle: SubtleLike;
  readonly onProgress: (progress: AnalyzeProgress) => void;
}

interface RunContext {
  readonly material: CaseKeyMaterial;
  readonly basis: string;
  readonly uses: ReadonlyMap<string, TokenUses>;
  readonly verifier: SignatureVerifier;
  readonly now: number;
  /** Every token of the case, by hash: ecdsa-high-s looks for a token's low-S twin among them. */
  readonly caseTokenHashes: ReadonlySet<string>;
}

async function analyseOne(context: RunContext, token: TokenRecord): Promise<AnalysisResult> {
  const uses = context.uses.get(token.tokenHash) ?? NO_USES;
  const analysis = await analyzeToken(token.compact, {
    verifier: context.verifier,
    keyring: context.material.keyring,
    jweKeys: context.material.jweKeys,
    caseConfig: context.material.caseConfig,
    useTimes: uses.useTimes,
    presentedTo: uses.presentedTo,
    now: context.now,
    caseTokenHashes: context.caseTokenHashes,
    // The built-in secret list and key confusion MAC one signing input under many keys: what guessingHmac is for.
    hmac: guessingHmac,
  });
  const { trail, ...verdict } = effectiveSignature(analysis);
  const decrypted = decryptedContent(analysis);
  return {
    caseId: token.caseId,
    tokenHash: token.tokenHash,
    analyzedAt: Date.now(),
    basis: context.basis,
    verdict,
    trail,
    findings: analysis.findings,
    useTimes: uses.useTimes,
    presentedTo: uses.presentedTo,
    ...(decrypted ? { decrypted } : {}),
  };
}

/** What a JWE decrypted to, for the detail panel: the stored token only knows its encrypted form. */
function decryptedContent(analysis: TokenAnalysis): DecryptedContent | undefined {
  if (analysis.jwe?.status !== 'decrypted') return undefined;
  const inner = analysis.inner?.decoded;
  const claims = inner ? inner.claims : analysis.decoded.claims;
  return {
    key: analysis.jwe.key.description,
    ...(claims ? { claims } : {}),
    ...(inner ? { innerToken: inner.compact ?? inner.raw } : {}),
  };
}

async function runContext(
  database: TokentrailDatabase,
  caseId: string,
  events: number,
  subtle: SubtleLike,
): Promise<RunContext> {
  const material = await loadCaseKeyMaterial(database, caseId, createWebCryptoPublicKeyDeriver(subtle));
  const keys = (await database.tokens.where('caseId').equals(caseId).primaryKeys()) as unknown as [string, string][];
  const caseTokenHashes = new Set(keys.map(([, tokenHash]) => tokenHash));
  return {
    material,
    // Events bring use times: once an ingest adds some, every token is judged again on its uses. New tokens may be
    // an earlier token's twin (ecdsa-high-s), so they count too.
    basis: sha256HexOfText(`${material.fingerprint}\nevents ${events}\ntokens ${caseTokenHashes.size}`),
    caseTokenHashes,
    uses: events > 0 ? await caseTokenUses(database, caseId) : new Map(),
    verifier: createWebCryptoVerifier(subtle),
    // "now" only matters for tokens the evidence never shows in use; the evidence's own latest time beats the
    // wall clock for old cases, as in the CLI.
    now: (await latestEventTime(database, caseId)) ?? Date.now(),
  };
}

/** Analyse the case's tokens; on cancel, what was analysed so far stays stored. */
export async function analyzeCaseTokens(
  database: TokentrailDatabase,
  caseId: string,
  options: AnalyzeCaseTokensOptions,
): Promise<{ cancelled: boolean; summary: AnalyzeSummary }> {
  const started = performance.now();
  const counts = (await database.cases.get(caseId))?.counts;
  const total = counts?.tokens ?? 0;
  options.onProgress({ kind: 'analyze', done: 0, total });
  const context = await runContext(database, caseId, counts?.events ?? 0, options.subtle);
  let done = 0;
  let analysed = 0;
  let cancelled = false;
  let saving: Promise<void> = Promise.resolve();
  let analyseMs = 0;
  for await (const page of casePages(database.tokens, 'tokenHash', caseId, PAGE_SIZE)) {
    if (options.signal.aborted) {
      cancelled = true;
      break;
    }
    const known =
      options.scope === 'all'
        ? []
        : await database.tokenAnalyses.bulkGet(page.map((token): [string, string] => [caseId, token.tokenHash]));
    const todo = options.scope === 'all' ? page : page.filter((_, index) => known[index]?.basis !== context.basis);
    const analyseStarted = performance.now();
    const results = await Promise.all(todo.map((token) => analyseOne(context, token)));
    analyseMs += performance.now() - analyseStarted;
    // One write in flight: it overlaps the next page's analysis, and a failed write still stops the run.
    await saving;
    saving = saveAnalyses(database, results);
    saving.catch(() => undefined); // awaited (and so thrown) before the next write; this only marks it handled meanwhile
    analysed += results.length;
    done += page.length;
    options.onProgress({ kind: 'analyze', done, total: Math.max(total, done) });
  }
  await saving;
  const summary: AnalyzeSummary = {
    kind: 'analyze',
    analysed,
    total: Math.max(total, done),
    keys: context.material.keyring.keys.length,
    keyProblems: context.material.problems,
    elapsedMs: performance.now() - started,
    analyseMs,
  };
  return { cancelled, summary };
}
