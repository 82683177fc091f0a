import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import {
  analyzeToken,
  secretTargetOf,
  weakSecretFinding,
  SEVERITY_RANK,
  type AnalyzeOptions,
  type SignatureVerifier,
  type TokenAnalysis,
} from '../core/token';
import { CliError } from './cli-error';
import type { Command, CommandIo } from './command';
import {
  INSPECT_OPTIONS,
  inspectArgs,
  resolveInspectInput,
  wordlistProblem,
  type InspectArgs,
  type InspectInput,
} from './inspect-args';
import { loadInspectKeys } from './inspect-keys';
import { inspectJsonLine, inspectText, passes } from './inspect-output';
import {
  analyzeBlock,
  bundleFile,
  DEFAULT_PARALLEL_THRESHOLD_BYTES,
  defaultWorkerCount,
  inspectInParallel,
  inspectOptions,
  PARALLEL_THRESHOLD_BYTES,
  readChunks,
} from './inspect-workers';
import { createHmac256Batches } from './node-crypto-hmac256-batches';
import { createCryptoPool, type CryptoPool } from './node-crypto-pool';
import { createNodeVerifier } from './node-crypto-verifier';
import type { Output } from './output';

/** Tokens beyond which verification moves to worker threads (below, starting workers costs more than it saves). */
const POOL_THRESHOLD = 256;
/** Tokens analysed concurrently; keeps the workers fed without holding the whole input. */
const WINDOW = 1024;

function inputLines(input: InspectInput, stdin: Readable): AsyncIterable<string> | string[] {
  if (input.kind === 'stdin') return createInterface({ input: stdin, crlfDelay: Infinity });
  if (input.kind === 'file') return createInterface({ input: createReadStream(input.path), crlfDelay: Infinity });
  return [input.text];
}

/** A verifier that starts in-thread and moves to a worker pool once the input proves large. */
function adaptiveVerifier(workers: number | undefined): SignatureVerifier & { tokens: number; close(): Promise<void> } {
  const local = createNodeVerifier();
  const hs256 = createHmac256Batches();
  let pool: CryptoPool | undefined;
  const self = {
    tokens: 0,
    verify(...args: Parameters<SignatureVerifier['verify']>) {
      // HMAC is cheaper than a message to a worker: it stays in this thread, HS256 four tokens at a time.
      if (args[0].startsWith('HS')) return hs256.verify(...args) ?? local.verify(...args);
      if (!pool && workers !== 0 && self.tokens > POOL_THRESHOLD) pool = createCryptoPool(workers);
      return (pool ?? local).verify(...args);
    },
    close: async () => pool?.close(),
  };
  return self;
}

/** `tokentrail inspect`: decode, verify and check every token of the input. */
export const inspectCommand: Command<typeof INSPECT_OPTIONS> = {
  name: 'inspect',
  help: `  tokentrail inspect <token | file | -> [--keys <file|folder>]... [--wordlist <file>] [--json]
                     [--case-config <file>] [--key-rotation <file>] [--presented-to <api>] [--workers N]
      Decode, verify and check every token (one per line: compact or one-line JWS JSON).
      Keys: JWKS, JWK, PEM (SPKI, PKCS#1, PKCS#8), certificates, secret files; --keys repeats.
      --wordlist searches HS* secrets in a wordlist of any size (streamed). Nothing is fetched, ever.
      --json prints one object per input line, in input order. Exit 0 only when every token is valid
      with no finding of severity high or above; 1 otherwise; 2 when the input or a key cannot be read.`,
  options: INSPECT_OPTIONS,
  shared: ['json'],
  run: (parsed, io) => inspect(inspectArgs(parsed), io),
};

/** Inspect the tokens `args` names; returns the exit code. */
async function inspect(args: InspectArgs, { stdin, ...out }: CommandIo): Promise<number> {
  // The paths named are checked before the keys are loaded and anything is analysed, so a mistake costs nothing.
  const input = resolveInspectInput(args.input);
  if ('error' in input) throw new CliError('unreadable-input', input.error);
  const wordlist = args.wordlist === undefined ? undefined : wordlistProblem(args.wordlist);
  if (wordlist !== undefined) throw new CliError('unreadable-input', wordlist);
  let keys: Awaited<ReturnType<typeof loadInspectKeys>>;
  try {
    keys = await loadInspectKeys(args.keys, args.caseConfig, args.keyRotation);
  } catch (error) {
    throw new CliError('unreadable-input', (error as Error).message);
  }
  for (const problem of keys.keyring.problems) out.stderr(`tokentrail inspect: warning: ${problem.message}`);
  if (!args.wordlist && args.workers !== 0 && input.kind === 'file' && input.size !== undefined) {
    // A file: analysed block by block (synchronously, no promise per token), in worker threads too when it is large
    // and a bundle is running; printed in input order. (--workers 0 keeps the streaming one-thread path below.)
    const threshold = args.workers === undefined ? DEFAULT_PARALLEL_THRESHOLD_BYTES : PARALLEL_THRESHOLD_BYTES;
    const workers = bundleFile() !== undefined && input.size >= threshold ? (args.workers ?? defaultWorkerCount()) : 0;
    const options = inspectOptions(keys, args.presentedTo, createNodeVerifier(), true);
    let summary: { count: number; allPass: boolean };
    try {
      summary = await inspectInParallel(
        readChunks(createReadStream(args.input, { highWaterMark: 1 << 18 })),
        { ...args, workers },
        (lines, firstLine) => analyzeBlock(lines, firstLine, options, args.json),
        (output) => out.stdout(output),
      );
    } catch (error) {
      out.stderr(`tokentrail inspect: cannot read ${args.input}: ${(error as Error).message}`);
      return 2;
    }
    return finish(summary.count, summary.allPass, args.json, out);
  }
  const verifier = adaptiveVerifier(args.workers);
  const options: AnalyzeOptions = inspectOptions(keys, args.presentedTo, verifier);
  const results = new Map<number, TokenAnalysis>();
  const held: { line: number; analysis: TokenAnalysis }[] = []; // with --wordlist, printed after the search
  let nextToPrint = 1;
  let allPass = true;
  let count = 0;
  // Lines are written in blocks: one write per record costs more than the analysis itself on large inputs.
  let pendingOutput: string[] = [];
  const flushOutput = (): void => {
    if (pendingOutput.length > 0) out.stdout(pendingOutput.join('\n'));
    pendingOutput = [];
  };
  const print = (line: number, analysis: TokenAnalysis): void => {
    if (!passes(analysis)) allPass = false;
    if (args.json) pendingOutput.push(inspectJsonLine(line, analysis));
    else pendingOutput.push(...inspectText(line, analysis));
    if (pendingOutput.length >= 512) flushOutput();
  };
  const blank = new Set<number>();
  const drain = (): void => {
    for (;;) {
      if (blank.delete(nextToPrint)) {
        nextToPrint++;
        continue;
      }
      const analysis = results.get(nextToPrint);
      if (!analysis) return;
      results.delete(nextToPrint);
      if (args.wordlist) held.push({ line: nextToPrint, analysis });
      else print(nextToPrint, analysis);
      nextToPrint++;
    }
  };
  const inFlight = new Set<Promise<void>>();
  try {
    let lineNumber = 0;
    for await (const raw of inputLines(input, stdin)) {
      lineNumber++;
      const text = raw.trim();
      if (text === '') {
        blank.add(lineNumber); // blank lines produce no record
        drain();
        continue;
      }
      count++;
      verifier.tokens++;
      const line = lineNumber;
      const task = analyzeToken(text, options).then((analysis) => {
        results.set(line, analysis);
        drain();
      });
      const tracked = task.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
      if (inFlight.size >= WINDOW) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    drain();
    if (args.wordlist) await searchWordlist(args.wordlist, held, args.workers, out);
    for (const { line, analysis } of held) print(line, analysis);
    flushOutput();
  } catch (error) {
    out.stderr(
      `tokentrail inspect: cannot read ${input.kind === 'stdin' ? 'standard input' : args.input}: ${(error as Error).message}`,
    );
    return 2;
  } finally {
    await verifier.close();
  }
  return finish(count, allPass, args.json, out);
}

/** The summary line and exit code. */
function finish(count: number, allPass: boolean, json: boolean, out: Output): number {
  if (count === 0) {
    out.stderr('tokentrail inspect: no token in the input.');
    return 2;
  }
  if (!json)
    out.stdout(
      `${count} token(s); ${allPass ? 'all valid with no finding of severity high or above' : 'some are not valid or have findings of severity high or above'}.`,
    );
  return allPass ? 0 : 1;
}

/** One parallel pass of the wordlist for every HS* token not already cracked; adds weak-hmac-secret findings. */
async function searchWordlist(
  file: string,
  held: { line: number; analysis: TokenAnalysis }[],
  workers: number | undefined,
  out: Output,
): Promise<void> {
  const open = held.filter(({ analysis }) => !analysis.findings.some((finding) => finding.id === 'weak-hmac-secret'));
  const targets = [
    ...new Map(
      open
        .map(({ analysis }) => secretTargetOf(analysis.decoded))
        .filter((target) => target !== undefined)
        .map((target) => [target.id, target]),
    ).values(),
  ];
  if (targets.length === 0) return;
  const pool = createCryptoPool(workers === 0 ? 1 : workers);
  try {
    const started = Date.now();
    const matches = await pool.wordlistSearcher(file).search(targets);
    out.stderr(
      `tokentrail inspect: searched ${file} for ${targets.length} HMAC secret(s) in ${((Date.now() - started) / 1000).toFixed(1)} s; found ${matches.length}.`,
    );
    for (const entry of held) {
      const match = matches.find((candidate) => candidate.targetId === entry.analysis.tokenHash);
      if (!match) continue;
      const findings = [...entry.analysis.findings, weakSecretFinding(entry.analysis.decoded, match)].sort(
        (a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity],
      );
      entry.analysis = { ...entry.analysis, findings };
    }
  } finally {
    await pool.close();
  }
}
