// The export writers' throughput (core/export): events per second for each timeline format, and its ratio to the raw
// capability beneath them measured in the same run — one JSON.stringify of the same event per line, joined into
// chunks the same way. Also the heap after writing, to show it does not grow with the number of events (the chunks
// are consumed as they come, as a file sink does). Usage: npm run bench -- export-writers [events]
import { DEFAULT_CHUNK_CHARS, exportTimeline, timelineWriter, type ExportEvent } from '../../../core/export';
import type { AuthEvent } from '../../../core/sources';

const total = Number(process.argv[2] ?? 200_000);
const start = Date.parse('2026-11-18T08:00:00Z');

function* events(count: number): Generator<ExportEvent> {
  for (let index = 0; index < count; index += 1) {
    const event: AuthEvent = {
      ts: start + index * 250,
      time: null,
      source: { file: 'logs/auth-server.jsonl', sha256: 'c'.repeat(64), format: 'tokentrail-jsonl', line: index + 1 },
      kind: index % 3 === 0 ? 'refresh' : 'use',
      subject: `user${index % 500}@northwind.example`,
      sessionId: `S-${index % 900}`,
      jti: `at-${index}`,
      tokenHashes: [(index % 4096).toString(16).padStart(64, '0')],
      tokens: [],
      ip: `81.2.${(index >> 8) & 255}.${index & 255}`,
      geo: { country: 'GB', source: 'log' },
      userAgent: 'NorthwindMobile/5.2.0 (iPhone; iOS 19.1)',
      appVersion: '5.2.0',
      http: { method: 'GET', path: '/orders/v2/list', status: 200 },
      record: '{"kind":"use"}',
    };
    yield { id: String(index), event };
  }
}

async function measure(label: string, run: () => Promise<number>): Promise<number> {
  const began = performance.now();
  const characters = await run();
  const seconds = (performance.now() - began) / 1000;
  const rate = total / seconds;
  const heap = process.memoryUsage().heapUsed / 1e6;
  console.log(
    `${label.padEnd(28)} ${Math.round(rate).toLocaleString('en').padStart(10)} events/s  ${(characters / 1e6).toFixed(0)} M chars  heap ${heap.toFixed(0)} MB`,
  );
  return rate;
}

const baseline = await measure('baseline (JSON.stringify)', async () => {
  let characters = 0;
  let pending: string[] = [];
  let size = 0;
  for (const row of events(total)) {
    const line = `${JSON.stringify(row.event)}\n`;
    pending.push(line);
    size += line.length;
    if (size >= DEFAULT_CHUNK_CHARS) {
      characters += pending.join('').length;
      pending = [];
      size = 0;
    }
  }
  return characters + pending.join('').length;
});

for (const format of ['timesketch', 'opensearch', 'csv'] as const) {
  const rate = await measure(format, async () => {
    let characters = 0;
    for await (const chunk of exportTimeline(timelineWriter(format), events(total)).chunks) characters += chunk.length;
    return characters;
  });
  console.log(`${''.padEnd(28)} ratio to baseline ${(rate / baseline).toFixed(2)}`);
}
