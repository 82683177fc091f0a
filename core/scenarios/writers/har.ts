import type { RecordLocation, TruthEvent } from '../model';
import { harDocument, harEntry } from './har-document';
import { isoTime, type LogFile } from './log-file';

/**
 * A HAR 1.2 capture from the devices whose traffic was recorded (a support laptop, a trainee's own phone): their
 * API requests, timed by the device's own clock — a skewed clock shows here and nowhere else.
 */
export function writeHar(events: readonly TruthEvent[]): LogFile | undefined {
  const captured = events.filter((event) => event.kind === 'use' && event.device.captured && event.presented);
  if (captured.length === 0) return undefined;
  const path = 'har/captured-device.har';
  const locations = new Map<TruthEvent, RecordLocation>();
  const entries = captured.map((event, index) => {
    locations.set(event, { file: path, index });
    return JSON.stringify(
      harEntry({
        time: isoTime(event.ts + event.device.clockSkewMs),
        method: event.method!,
        url: `https://${event.api!.host}${event.path}`,
        headers: [
          { name: 'Authorization', value: `Bearer ${event.presented!.compact}` },
          { name: 'User-Agent', value: event.userAgent },
        ],
        status: event.status!,
      }),
    );
  });
  const parts = harDocument(entries);
  return {
    path,
    kind: 'har',
    mediaType: 'application/json',
    description: "HAR capture exported from a user's browser developer tools, as handed to the CSIRT",
    parts,
    locations,
  };
}
