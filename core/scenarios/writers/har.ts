import type { TruthEvent } from '../model';
import { HAR_CLOSING, HAR_OPENING, harEntry } from './har-document';
import { isoTime, type LogFileSpec } from './log-file';

/**
 * A HAR 1.2 capture from the devices whose traffic was recorded (a support laptop, a trainee's own phone): their
 * API requests, timed by the device's own clock — a skewed clock shows here and nowhere else.
 */
export const harSpec: LogFileSpec = {
  path: 'har/captured-device.har',
  kind: 'har',
  mediaType: 'application/json',
  description: "HAR capture exported from a user's browser developer tools, as handed to the CSIRT",
  layout: { kind: 'json-array', opening: HAR_OPENING, closing: HAR_CLOSING },
  omitWhenEmpty: true,
  render: (event: TruthEvent) =>
    event.kind !== 'use' || !event.device.captured || !event.presented
      ? undefined
      : JSON.stringify(
          harEntry({
            time: isoTime(event.ts + event.device.clockSkewMs),
            method: event.method!,
            url: `https://${event.api!.host}${event.path}`,
            headers: [
              { name: 'Authorization', value: `Bearer ${event.presented.compact}` },
              { name: 'User-Agent', value: event.userAgent },
            ],
            status: event.status!,
          }),
        ),
};
