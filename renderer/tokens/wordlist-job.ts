// The weak-HMAC-secret search over an investigator's wordlist, as the worker runs it: every HS* token of the
// case is a target, the File is streamed in chunks (never whole in memory), and a secret found becomes a
// weak-hmac-secret finding on its token.
import {
  createWordlistSearcher,
  decodeToken,
  guessingHmac,
  secretTargetOf,
  weakSecretFinding,
  type DecodedToken,
  type SecretTarget,
} from '../../core/token';
import type { TokentrailDatabase } from '../db/schema';
import { saveWordlistFinding } from './token-analysis-store';
import { casePages } from '../db/case-pages';
import type { WordlistProgress, WordlistSummary } from './token-analysis-protocol';
import { blobChunks } from './blob-chunks';

const CHUNK_BYTES = 256 * 1024;
const PAGE_SIZE = 1024;

export interface WordlistJobOptions {
  readonly signal: { readonly aborted: boolean };
  readonly onProgress: (progress: WordlistProgress) => void;
}

async function hmacTargets(
  database: TokentrailDatabase,
  caseId: string,
): Promise<Map<string, { decoded: DecodedToken; target: SecretTarget }>> {
  const targets = new Map<string, { decoded: DecodedToken; target: SecretTarget }>();
  for await (const page of casePages(database.tokens, 'tokenHash', caseId, PAGE_SIZE)) {
    for (const token of page) {
      if (!token.alg?.startsWith('HS')) continue; // cheap filter before the strict decode
      const decoded = decodeToken(token.compact);
      const target = secretTargetOf(decoded);
      // The target id is the stored token's hash, so a match leads straight back to its record.
      if (target) targets.set(token.tokenHash, { decoded, target: { ...target, id: token.tokenHash } });
    }
  }
  return targets;
}

/** Search `file` for the secrets of the case's HS* tokens. */
export async function searchWordlist(
  database: TokentrailDatabase,
  caseId: string,
  file: File,
  options: WordlistJobOptions,
): Promise<{ cancelled: boolean; summary: WordlistSummary }> {
  const targets = await hmacTargets(database, caseId);
  let bytesRead = 0;
  let tried = 0;
  const started = performance.now();
  const rate = () => Math.round(tried / Math.max((performance.now() - started) / 1000, 1e-3));
  const progress = (): WordlistProgress => ({
    kind: 'wordlist',
    tried,
    wordsPerSecond: rate(),
    bytesRead,
    totalBytes: file.size,
    targets: targets.size,
  });
  const found: WordlistSummary['found'][number][] = [];
  if (targets.size > 0) {
    const searcher = createWordlistSearcher(
      () => blobChunks(file, CHUNK_BYTES, (read) => (bytesRead = read)),
      file.name,
      guessingHmac,
    );
    const matches = await searcher.search(
      [...targets.values()].map((entry) => entry.target),
      {
        signal: options.signal,
        onProgress: (count) => {
          tried = count;
          options.onProgress(progress());
        },
      },
    );
    for (const match of matches) {
      const entry = targets.get(match.targetId)!;
      const finding = weakSecretFinding(entry.decoded, match);
      found.push({
        tokenHash: match.targetId,
        message: finding.message,
        stored: await saveWordlistFinding(database, caseId, match.targetId, finding, Date.now()),
      });
    }
  }
  options.onProgress(progress());
  return {
    cancelled: options.signal.aborted,
    summary: { kind: 'wordlist', source: file.name, tried, wordsPerSecond: rate(), targets: targets.size, found },
  };
}
