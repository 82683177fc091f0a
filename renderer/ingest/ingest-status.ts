// What one ingest record tells the investigator, in a sentence: above all, after a cancel or a crash, what
// of the file is in the case.
import type { IngestRecord } from '../db/event-records';
import { formatBytes, plural } from '../shell/format';

const TONES: Record<IngestRecord['status'], 'good' | 'bad' | 'warn' | 'neutral'> = {
  complete: 'good',
  running: 'neutral',
  queued: 'neutral',
  cancelled: 'warn',
  interrupted: 'warn',
  failed: 'bad',
  replaced: 'neutral',
};

export function statusTone(status: IngestRecord['status']): string {
  return TONES[status];
}

/** What the format said about the file (HAR's creator, Keycloak server lines skipped…), as " key: value." sentences. */
function factsText(facts: IngestRecord['facts']): string {
  return Object.entries(facts ?? {})
    .map(([name, value]) => ` ${name[0]!.toUpperCase()}${name.slice(1)}: ${value}.`)
    .join('');
}

/** "Cancelled: 12 000 events kept (lines up to 12 003), 4.0 MiB of 1.2 GiB read." */
export function describeIngest(ingest: IngestRecord): string {
  const kept = `${plural(ingest.events, 'event')} kept${ingest.lastLine ? ` (lines up to ${ingest.lastLine})` : ''}, ${formatBytes(ingest.bytesRead)} of ${formatBytes(ingest.size)} read`;
  switch (ingest.status) {
    case 'complete':
      return ingest.format === null
        ? 'No format recognises this file: choose one and parse it again.'
        : `${plural(ingest.events, 'event')} from ${formatBytes(ingest.size)}.${factsText(ingest.facts)}`;
    case 'cancelled':
      return `Cancelled: ${kept}. Parse it again to read the whole file.`;
    case 'interrupted':
      return `Interrupted (${ingest.error ?? 'the window closed'}): ${kept}. Parse it again to read the whole file.`;
    case 'failed':
      return `Failed: ${ingest.error ?? 'unknown error'}. ${kept}.`;
    case 'running':
      return 'Parsing…';
    case 'queued':
      return 'Waiting to be parsed.';
    case 'replaced':
      return 'Replaced by a later parse.';
  }
}
