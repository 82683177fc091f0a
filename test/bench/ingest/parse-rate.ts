/**
 * Parse rate per format in Node: events/s and MB/s on generated logs, size given in MB (default 32).
 * Run: npm run bench -- parse-rate [MB] [format]
 * Baseline in the same run: splitting the same bytes into lines and JSON.parse of each line (the floor any
 * JSON-lines parser pays), printed beside the real figures.
 */
import { parseSource, SOURCE_FORMAT_NAMES, type SequentialInput, type SourceFormatName } from '../../../core';
import { generateLog } from './generate-logs';

function materialise(format: SourceFormatName, bytes: number): Uint8Array[] {
  return [...generateLog(format, bytes)];
}

function input(chunks: Uint8Array[]): SequentialInput {
  return {
    path: 'bench.log',
    size: chunks.reduce((sum, c) => sum + c.length, 0),
    async *chunks() {
      yield* chunks;
    },
  };
}

async function measure(
  format: SourceFormatName,
  chunks: Uint8Array[],
): Promise<{ events: number; seconds: number; problems: number }> {
  const started = performance.now();
  const run = parseSource(input(chunks), '0'.repeat(64), { format });
  let events = 0;
  for (;;) {
    const next = await run.next();
    if (next.done) return { events, seconds: (performance.now() - started) / 1000, problems: next.value.problems };
    events += next.value.events.length;
  }
}

function baseline(chunks: Uint8Array[]): number {
  const started = performance.now();
  const decoder = new TextDecoder();
  let carry = '';
  let count = 0;
  for (const chunk of chunks) {
    const lines = (carry + decoder.decode(chunk, { stream: true })).split('\n');
    carry = lines.pop() ?? '';
    for (const line of lines)
      if (line.startsWith('{')) {
        JSON.parse(line);
        count++;
      }
  }
  return (performance.now() - started) / 1000 + count * 0;
}

const megabytes = Number(process.argv[2] ?? 32);
const only = process.argv[3] as SourceFormatName | undefined;
console.log(`Parse rate, ${megabytes} MB generated per format, Node ${process.version}`);
console.log('format            events      seconds   events/s     MB/s   (baseline split+JSON.parse MB/s)');
for (const format of SOURCE_FORMAT_NAMES.filter((name) => !only || name === only)) {
  const chunks = materialise(format, megabytes * 1024 * 1024);
  const size = chunks.reduce((sum, c) => sum + c.length, 0) / 1024 / 1024;
  await measure(format, chunks.slice(0, 2)); // warm-up
  const { events, seconds, problems } = await measure(format, chunks);
  const base =
    format.includes('json') || ['okta', 'auth0', 'keycloak', 'entra'].includes(format)
      ? `${(size / baseline(chunks)).toFixed(1)}`
      : '-';
  console.log(
    `${format.padEnd(17)} ${String(events).padStart(8)} ${seconds.toFixed(2).padStart(10)} ${Math.round(
      events / seconds,
    )
      .toString()
      .padStart(
        10,
      )} ${(size / seconds).toFixed(1).padStart(8)}   (${base})${problems ? `  problems: ${problems}` : ''}`,
  );
}
