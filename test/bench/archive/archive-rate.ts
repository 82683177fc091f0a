/**
 * Case archive export and import (core/archive) of generated cases of 100k and 1M events, streamed to and from a
 * real file: events/s and peak memory (Node's process.memoryUsage: RSS and heap used, sampled at every progress
 * callback, every chunk written and every batch read, and every 20 ms). Memory must stay flat from 100k to 1M.
 * Baseline in the same run: the same rows as plain NDJSON (JSON.stringify, written; read back, split, JSON.parse) —
 * no zip, no hashing, no verification. Each count runs once per SHA-256 (`js`: core's pure-JS default, which the
 * browser build uses; `node`: node:crypto, which the CLI injects), so both are measured under the same load.
 *   BENCH_NODE_FLAGS=--expose-gc npm run bench -- archive-rate [counts=100000,1000000] [evidenceMB=64] [hashers=js,node]
 */
import { open, rm } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import os from 'node:os';
import path from 'node:path';
import { readArchive, verifyArchive, writeArchive, type ArchiveRow, type ArchiveSource } from '../../../core/archive';
import { createCustodyEntry, type CustodyEntry } from '../../../core';
import { createSha256, type Sha256Factory } from '../../../core/evidence';
import { randomAccessFile } from '../../../cli/node-inputs';
import { nodeSha256 } from '../../../cli/node-sha256';
import { generateLog } from '../ingest/generate-logs';
import { seededRandom } from '../../support/seeded-random';

const counts = (process.argv[2] ?? '100000,1000000').split(',').map(Number);
const evidenceMegabytes = Number(process.argv[3] ?? 64);
const HASHERS: Readonly<Record<string, Sha256Factory>> = { js: createSha256, node: nodeSha256 };
const hashers = (process.argv[4] ?? 'js,node').split(',').filter((name) => name in HASHERS);
const CASE_ID = 'bench-case';
const gc = (globalThis as { gc?: () => void }).gc;

let peakRss = 0;
let peakHeap = 0;
function sample(): void {
  const usage = process.memoryUsage();
  peakRss = Math.max(peakRss, usage.rss);
  peakHeap = Math.max(peakHeap, usage.heapUsed);
}
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; rss: number; heap: number }> {
  gc?.();
  peakRss = 0;
  peakHeap = 0;
  sample();
  const timer = setInterval(sample, 20);
  const started = performance.now();
  try {
    const result = await work();
    sample();
    return { result, seconds: (performance.now() - started) / 1000, rss: peakRss, heap: peakHeap };
  } finally {
    clearInterval(timer);
  }
}

/** A stored event the size and shape of the app's (renderer/db/event-records.ts): facets, the event, bytes. */
function* events(count: number): Generator<ArchiveRow> {
  const random = seededRandom(7);
  const start = Date.UTC(2026, 10, 2);
  for (let seq = 0; seq < count; seq++) {
    const ts = start + seq * 250;
    const subject = `user-${Math.floor(random() * 5000)}`;
    const ip = `10.${Math.floor(random() * 255)}.${Math.floor(random() * 255)}.${Math.floor(random() * 255)}`;
    const tokenHash = Math.floor(random() * 2 ** 48)
      .toString(16)
      .padStart(64, '0');
    yield {
      caseId: CASE_ID,
      seq,
      ts,
      facets: [
        [CASE_ID, 'subject', subject, ts, seq],
        [CASE_ID, 'ip', ip, ts, seq],
        [CASE_ID, 'token', tokenHash, ts, seq],
      ],
      event: {
        ts,
        kind: 'use',
        subject,
        ip,
        tokenHashes: [tokenHash],
        method: 'GET',
        url: `https://orders.example.com/api/orders/${seq}`,
        status: 200,
        userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15',
        source: { file: 'logs/access.log', sha256: '0'.repeat(64), format: 'access-log', line: seq + 1 },
      },
    };
  }
}

function custody(): CustodyEntry[] {
  const chain: CustodyEntry[] = [];
  for (const action of ['case-created', 'import'] as const)
    chain.push(
      createCustodyEntry(chain.at(-1), {
        caseId: CASE_ID,
        at: Date.now(),
        investigator: 'bench',
        action,
        source: 'bench',
        files: [],
        toolVersion: '0.1.0',
      }),
    );
  return chain;
}

async function* asyncOf<T>(items: Iterable<T>): AsyncGenerator<T> {
  for (const item of items) yield item;
}

function source(count: number): ArchiveSource {
  return {
    producer: 'app',
    case: { id: CASE_ID, title: 'Benchmark case' },
    createdAt: Date.now(),
    createdBy: 'bench',
    geoDatabases: [],
    evidence: [
      {
        fileId: 'access-log',
        path: 'logs/access.log',
        chunks: () => asyncOf(generateLog('access-log', evidenceMegabytes * 1024 * 1024)),
      },
    ],
    tables: [
      { name: 'custody', rows: () => asyncOf(custody() as unknown as ArchiveRow[]) },
      { name: 'authEvents', rows: () => asyncOf(events(count)) },
    ],
  };
}

async function fileSink(file: string) {
  const handle = await open(file, 'w');
  return {
    sink: async (chunk: Uint8Array) => {
      await handle.write(chunk);
      sample();
    },
    close: () => handle.close(),
  };
}

async function baselineWrite(file: string, count: number): Promise<void> {
  const { sink, close } = await fileSink(file);
  const encoder = new TextEncoder();
  let text = '';
  for (const row of events(count)) {
    text += `${JSON.stringify(row)}\n`;
    if (text.length >= 256 * 1024) {
      await sink(encoder.encode(text));
      text = '';
    }
  }
  await sink(encoder.encode(text));
  await close();
}

async function baselineRead(file: string): Promise<number> {
  let rows = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    JSON.parse(line);
    if (++rows % 2000 === 0) sample();
  }
  return rows;
}

const dir = await import('node:fs/promises').then((fs) => fs.mkdtemp(path.join(os.tmpdir(), 'tt-archive-bench-')));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const rate = (count: number, seconds: number) => `${Math.round(count / seconds).toLocaleString('en')}/s`;
console.log(
  `evidence ${evidenceMegabytes} MB of access log per case; gc between phases: ${gc ? 'yes' : 'no (--expose-gc)'}`,
);
console.log('| events | SHA-256 | phase | time | events/s | peak RSS | peak heap | baseline events/s | ratio |');
console.log('|---|---|---|---|---|---|---|---|---|');
try {
  for (const count of counts)
    for (const hasher of hashers) {
      const sha256 = HASHERS[hasher]!;
      const archive = path.join(dir, `case-${count}.zip`);
      const ndjson = path.join(dir, `events-${count}.ndjson`);
      const exported = await measured(async () => {
        const { sink, close } = await fileSink(archive);
        const written = await writeArchive(source(count), sink, { onProgress: sample, sha256 });
        await close();
        return written;
      });
      const baseWrite = await measured(() => baselineWrite(ndjson, count));
      const input = await randomAccessFile(archive);
      const verified = await measured(() => verifyArchive(input, { onProgress: sample, sha256 }));
      let rows = 0;
      const read = await measured(() =>
        readArchive(
          input,
          verified.result,
          {
            async evidence(_file, chunks) {
              for await (const _chunk of chunks) sample();
            },
            async rows(_table, batch) {
              rows += batch.length;
              sample();
            },
          },
          { sha256 },
        ),
      );
      await input.close();
      const baseRead = await measured(() => baselineRead(ndjson));
      const line = (phase: string, run: { seconds: number; rss: number; heap: number }, base?: { seconds: number }) =>
        console.log(
          `| ${count.toLocaleString('en')} | ${hasher} | ${phase} | ${run.seconds.toFixed(1)} s | ${rate(count, run.seconds)} | ${mb(run.rss)} | ${mb(run.heap)} | ${base ? rate(count, base.seconds) : '—'} | ${base ? (base.seconds / run.seconds).toFixed(2) : '—'} |`,
        );
      line('export (write)', exported, baseWrite);
      line('import pass 1 (verify)', verified);
      line('import pass 2 (read rows)', read, baseRead);
      console.log(
        `|   |   | archive | ${mb(exported.result.size)}, ${rows.toLocaleString('en')} rows read back; NDJSON baseline ${mb((await import('node:fs')).statSync(ndjson).size)} | | | | | | |`,
      );
      await rm(archive);
      await rm(ndjson);
    }
} finally {
  await rm(dir, { recursive: true, force: true });
}
