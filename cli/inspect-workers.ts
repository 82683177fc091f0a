import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { analyzeTokenNow, createHeaderResults, type AnalyzeOptions, type TokenAnalysis } from '../core/token';
import type { InspectArgs } from './inspect-args';
import { loadInspectKeys } from './inspect-keys';
import { inspectJsonLine, inspectText, passes } from './inspect-output';
import { createNodeVerifier, nodeHmac, nodeSha256Hex } from './node-crypto-verifier';

/**
 * Whole-analysis parallelism for `inspect` on large inputs: the input is cut into blocks of whole lines, each block
 * is decoded, verified, checked and formatted by a worker thread running the full engine, and the blocks' output is
 * written in input order. The main thread reads, hands out blocks (four per worker in flight) and writes; a block
 * that finds every worker busy or still starting is analysed by the main thread itself. Output is byte for byte
 * what the one-thread path prints.
 *
 * Workers run dist/cli/inspect-worker.cjs (the engine alone) when it sits next to the CLI bundle, else the bundle
 * itself; either way this path exists only when running from a bundle. From TypeScript (tests) `inspect` keeps its
 * one-thread path with a verification pool.
 */

const MARKER = 'tokentrail-inspect-worker';
/** Blocks handed to one worker before it answers (see pick in inspectInParallel). */
const BLOCKS_PER_WORKER = 4;
/** Bytes of input per block handed to a worker (whole lines). */
const BLOCK_BYTES = 48 * 1024;
/** With --workers N: input below this size is analysed in the main thread. */
export const PARALLEL_THRESHOLD_BYTES = 96 * 1024;
/**
 * Without --workers: input below this size is analysed in the main thread. A worker costs ~0.1 s of CPU to start
 * and warm up, about what the main thread needs for 0.5 MB of tokens, so smaller inputs would only pay for it.
 */
export const DEFAULT_PARALLEL_THRESHOLD_BYTES = 512 * 1024;

/**
 * Workers to start when --workers is not given: one per core besides the main thread, which analyses blocks too
 * (a worker per core would put three analysing threads on two cores, each warming up its own JIT).
 */
export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism() - 1);
}

/** The file analysis workers run: the dedicated worker bundle next to the CLI bundle, else the CLI bundle itself. */
function workerFile(bundle: string): string {
  const dedicated = path.join(path.dirname(bundle), 'inspect-worker.cjs');
  return existsSync(dedicated) ? dedicated : bundle;
}

/** One block's result: its printed lines and what the summary needs. */
export interface BlockResult {
  readonly output: string;
  readonly count: number;
  readonly allPass: boolean;
}

/** The arguments a worker needs to analyse exactly as the main thread would. */
type WorkerArgs = Pick<InspectArgs, 'keys' | 'caseConfig' | 'keyRotation' | 'presentedTo' | 'json'>;

/** The bundled CLI file, when this code runs from it (workers load the same file). */
export function bundleFile(): string | undefined {
  const file = typeof __filename === 'string' ? __filename : undefined;
  return file !== undefined && file.endsWith('.cjs') ? file : undefined;
}

/** True inside an analysis worker: `inspect` then serves blocks instead of reading its arguments. */
export function isInspectWorker(): boolean {
  return !isMainThread && (workerData as { marker?: string } | null)?.marker === MARKER;
}

/** Split a block of text into lines exactly as readline does (LF, CRLF or a lone CR end a line). */
export function blockLines(text: string): string[] {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Analyse and format every line of a block; `firstLine` is the 1-based number of its first line. */
export async function analyzeBlock(
  lines: readonly string[],
  firstLine: number,
  options: AnalyzeOptions,
  json: boolean,
): Promise<BlockResult> {
  const out: string[] = [];
  let count = 0;
  let allPass = true;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.trim();
    if (text === '') continue; // blank lines produce no record
    count++;
    const now = analyzeTokenNow(text, options); // no promise per token when the analysis is synchronous
    const analysis: TokenAnalysis = now instanceof Promise ? await now : now;
    if (!passes(analysis)) allPass = false;
    if (json) out.push(inspectJsonLine(firstLine + i, analysis));
    else for (const line of inspectText(firstLine + i, analysis)) out.push(line);
  }
  return { output: out.join('\n'), count, allPass };
}

/**
 * The analysis options `inspect` uses, from loaded keys (shared by the main thread and the workers). `bulk`: the
 * block path, which remembers header-scoped findings by header (createHeaderResults); the streaming one-thread path
 * (--workers 0) runs every check on every token, and the benchmark compares the two outputs byte for byte.
 */
export function inspectOptions(
  keys: Awaited<ReturnType<typeof loadInspectKeys>>,
  presentedTo: string | undefined,
  verifier: AnalyzeOptions['verifier'],
  bulk = false,
): AnalyzeOptions {
  return {
    headerResults: bulk ? createHeaderResults() : undefined,
    verifier,
    keyring: keys.keyring,
    caseConfig: keys.caseConfig,
    presentedTo,
    hmac: nodeHmac,
    jweKeys: keys.jweKeys,
    decode: { sha256Hex: nodeSha256Hex },
  };
}

/** The body of an analysis worker: load the keys as the main thread did, then analyse blocks until terminated. */
export async function serveInspectWorker(): Promise<number> {
  const args = (workerData as { args: WorkerArgs }).args;
  const port = parentPort!;
  const keys = await loadInspectKeys(args.keys, args.caseConfig, args.keyRotation);
  const options = inspectOptions(keys, args.presentedTo, createNodeVerifier(), true);
  let queue = Promise.resolve();
  port.on('message', (message: { id: number; bytes: Uint8Array; firstLine: number }) => {
    queue = queue.then(async () => {
      try {
        const text = Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength).toString(
          'utf8',
        );
        const result = await analyzeBlock(blockLines(text), message.firstLine, options, args.json);
        port.postMessage({ id: message.id, ...result });
      } catch (error) {
        port.postMessage({ id: message.id, error: String((error as Error)?.message ?? error) });
      }
    });
  });
  port.postMessage({ ready: true });
  return new Promise<number>(() => undefined); // runs until the main thread terminates it
}

/** Number of lines `blockLines` finds in these bytes (LF, CRLF and lone CR end a line). */
export function linesIn(bytes: Uint8Array): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let lines = 0;
  // Line feeds by the native search (this runs on every block of the input); a CR ends a line only when no LF follows.
  for (let at = buffer.indexOf(10); at >= 0; at = buffer.indexOf(10, at + 1)) lines++;
  for (let at = buffer.indexOf(13); at >= 0; at = buffer.indexOf(13, at + 1)) if (buffer[at + 1] !== 10) lines++;
  const last = buffer.length > 0 ? buffer[buffer.length - 1] : undefined;
  return last === undefined || last === 10 || last === 13 ? lines : lines + 1;
}

/**
 * Analyse a whole input through `args.workers` worker threads (0: none). `chunks` yields the input's bytes; `local`
 * analyses a block in the main thread (whenever no worker is ready for it). Calls `write` with each block's output,
 * in input order.
 */
export async function inspectInParallel(
  chunks: AsyncIterable<Uint8Array | string>,
  args: WorkerArgs & { workers?: number },
  local: (lines: string[], firstLine: number) => Promise<BlockResult>,
  write: (output: string) => void,
): Promise<{ count: number; allPass: boolean }> {
  const size = Math.max(0, args.workers ?? defaultWorkerCount()); // 0: every block in the main thread
  const worker = size > 0 ? workerFile(bundleFile()!) : undefined;
  const workerArgs: WorkerArgs = {
    keys: args.keys,
    caseConfig: args.caseConfig,
    keyRotation: args.keyRotation,
    presentedTo: args.presentedTo,
    json: args.json,
  };
  const results = new Map<number, BlockResult>();
  let nextToWrite = 0;
  let count = 0;
  let allPass = true;
  let failure: Error | undefined;
  const flush = (): void => {
    for (let result = results.get(nextToWrite); result; result = results.get(nextToWrite)) {
      results.delete(nextToWrite);
      if (result.output !== '') write(result.output);
      count += result.count;
      if (!result.allPass) allPass = false;
      nextToWrite++;
    }
  };

  interface Executor {
    readonly worker: Worker;
    ready: boolean;
    inFlight: number;
  }
  const executors: Executor[] = [];
  let inFlight = 0;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  /**
   * The least loaded ready worker with room for another block. Four each keeps them fed while the main thread
   * analyses a block of its own: on a busy machine that block can take many times longer than usual, and with two
   * a worker sat idle for 12 % of an HS256 run waiting for the next one.
   */
  const pick = (): Executor | undefined => {
    let best: Executor | undefined;
    for (const executor of executors)
      if (executor.ready && executor.inFlight < BLOCKS_PER_WORKER && (!best || executor.inFlight < best.inFlight))
        best = executor;
    return best;
  };
  for (let i = 0; i < size; i++) {
    const executor: Executor = {
      worker: new Worker(worker!, { workerData: { marker: MARKER, args: workerArgs }, stdout: false, stderr: false }),
      ready: false,
      inFlight: 0,
    };
    executor.worker.on(
      'message',
      (message: { ready?: boolean; id?: number; error?: string } & Partial<BlockResult>) => {
        if (message.ready) executor.ready = true;
        else {
          executor.inFlight--;
          inFlight--;
          if (message.error !== undefined) failure ??= new Error(message.error);
          else results.set(message.id!, { output: message.output!, count: message.count!, allPass: message.allPass! });
          flush();
        }
        notify();
      },
    );
    executor.worker.on('error', (error) => {
      failure ??= error;
      notify();
    });
    executor.worker.on('exit', () => {
      failure ??= new Error('an analysis worker stopped');
      notify();
    });
    executors.push(executor);
  }
  const workers = executors.map((executor) => executor.worker);

  try {
    let id = 0;
    let line = 1;
    // The bytes after the last cut, as pieces: a line longer than a block has no line feed in it yet, so it is kept
    // as a list and joined once its end arrives (or the input ends), rather than copied again with every chunk.
    let carry: Buffer[] = [];
    let carryBytes = 0;
    const enqueue = async (bytes: Uint8Array): Promise<void> => {
      const block = { id: id++, firstLine: line };
      line += linesIn(bytes);
      const executor = pick();
      if (executor) {
        executor.inFlight++;
        inFlight++;
        executor.worker.postMessage({ id: block.id, bytes, firstLine: block.firstLine }, [bytes.buffer as ArrayBuffer]);
        return;
      }
      // Every worker is busy (or still starting): the main thread analyses this block itself.
      const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
      results.set(block.id, await local(blockLines(text), block.firstLine));
      flush();
      if (executors.length > 0) await new Promise<void>((resolve) => setImmediate(resolve)); // let the workers' messages in
    };
    for await (const chunk of chunks) {
      if (failure) break;
      const piece =
        typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      if (carryBytes >= BLOCK_BYTES && !piece.includes(10)) {
        carry.push(piece);
        carryBytes += piece.length;
        continue;
      }
      let bytes = carry.length > 0 ? Buffer.concat([...carry, piece]) : piece;
      while (bytes.length >= BLOCK_BYTES) {
        const cut = bytes.lastIndexOf(10, BLOCK_BYTES);
        const end = cut >= 0 ? cut + 1 : bytes.indexOf(10, BLOCK_BYTES) + 1;
        if (end <= 0) break; // one line longer than a block: wait for its end
        await enqueue(Uint8Array.from(bytes.subarray(0, end)));
        bytes = bytes.subarray(end);
      }
      carry = bytes.length > 0 ? [Buffer.from(bytes)] : [];
      carryBytes = bytes.length;
    }
    if (carryBytes > 0 && !failure) await enqueue(new Uint8Array(Buffer.concat(carry)));
    while (!failure && inFlight > 0) await new Promise<void>((resolve) => (wake = resolve));
    if (failure) throw failure;
    flush();
    return { count, allPass };
  } finally {
    await Promise.all(workers.map((worker) => worker.removeAllListeners('exit').terminate()));
  }
}

/** Input chunks of a file or a stream. */
export async function* readChunks(stream: Readable): AsyncGenerator<Uint8Array | string> {
  for await (const chunk of stream as AsyncIterable<Uint8Array | string>) yield chunk;
}
