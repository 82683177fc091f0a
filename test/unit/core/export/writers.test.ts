import { describe, expect, it } from 'vitest';
import type { AnnotationState } from '../../../../core/annotations';
import {
  EVENT_FIELDS,
  FINDING_COLUMNS,
  annotatedEvents,
  annotatedFindings,
  exportFindings,
  exportTimeline,
  findingRecord,
  findingWriter,
  indexNameProblem,
  timelineWriter,
  type ExportEvent,
  type ExportStream,
} from '../../../../core/export';
import type { AuthEvent } from '../../../../core/sources';
import type { TimelineFinding } from '../../../../core/timeline';
import { readCsv } from '../../../support/read-csv';

const SHA = 'c'.repeat(64);
const HOSTILE = '=HYPERLINK("http://x","y")\n[CRITICAL] forged line, "quoted" \u202egnp.exe\u0085 🔑';

function authEvent(overrides: Partial<AuthEvent> = {}): AuthEvent {
  return {
    ts: Date.parse('2026-11-18T09:55:02.123Z'),
    time: '2026-11-18T09:55:02.123Z',
    source: { file: 'logs/auth.jsonl', sha256: SHA, format: 'tokentrail-jsonl', line: 3 },
    kind: 'refresh',
    subject: 'alice@northwind.example',
    sessionId: 'S-7741',
    jti: 'at-0002',
    tokenHashes: ['f'.repeat(64), 'e'.repeat(64)],
    tokens: [],
    ip: '175.45.176.3',
    geo: { country: 'KP', source: 'log' },
    userAgent: 'NorthwindMobile/4.9.1 (Android 11)',
    appVersion: '4.9.1',
    record: '{"event":"refresh"}',
    ...overrides,
  };
}

const ANNOTATION: AnnotationState = {
  note: 'seen from KP, see finding:impossible-travel',
  tags: ['phishing', 'stolen-session'],
  starred: true,
  disposition: 'confirmed',
};

async function text(stream: ExportStream): Promise<string> {
  let out = '';
  for await (const chunk of stream.chunks) out += chunk;
  return out;
}

const rows = (...events: AuthEvent[]): ExportEvent[] =>
  events.map((event, index) => ({ id: String(index + 1), event }));

describe('Timesketch JSONL', () => {
  it('gives every line message, datetime (ISO 8601), timestamp (µs) and timestamp_desc, then our fields', async () => {
    const stream = exportTimeline(timelineWriter('timesketch'), [
      { id: '7', event: authEvent(), annotation: ANNOTATION },
    ]);
    const lines = (await text(stream)).split('\n');
    expect(lines.at(-1)).toBe('');
    const document = JSON.parse(lines[0]!);
    expect(document).toMatchObject({
      message: 'refresh · subject alice@northwind.example · from 175.45.176.3 (KP)',
      datetime: '2026-11-18T09:55:02.123Z',
      timestamp: Date.parse('2026-11-18T09:55:02.123Z') * 1000,
      timestamp_desc: 'Token refreshed',
      event_id: '7',
      event_kind: 'refresh',
      subject: 'alice@northwind.example',
      token_hashes: ['f'.repeat(64), 'e'.repeat(64)],
      jti: 'at-0002',
      session_id: 'S-7741',
      ip: '175.45.176.3',
      country: 'KP',
      user_agent: 'NorthwindMobile/4.9.1 (Android 11)',
      app_version: '4.9.1',
      source_file: 'logs/auth.jsonl',
      source_sha256: SHA,
      source_line: 3,
      tag: ['phishing', 'stolen-session'],
      starred: true,
      note: 'seen from KP, see finding:impossible-travel',
      disposition: 'confirmed',
    });
    expect(Object.keys(document).slice(0, 4)).toEqual(['message', 'datetime', 'timestamp', 'timestamp_desc']);
    expect(Number.isSafeInteger(document.timestamp)).toBe(true);
    // Timesketch scrubs these on import: none of our fields may be called so.
    for (const scrubbed of ['_id', '_index', '_type', '_source', '__ts_timeline_id'])
      expect(document).not.toHaveProperty(scrubbed);
    expect(stream.written).toBe(1);
  });

  it('leaves out an untimed event (Timesketch refuses a line without datetime) and counts it', async () => {
    const stream = exportTimeline(timelineWriter('timesketch'), rows(authEvent({ ts: null, time: null }), authEvent()));
    const lines = (await text(stream)).trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect([stream.written, stream.leftOut]).toEqual([1, 1]);
  });

  it('keeps hostile text one line, its value intact and nothing a terminal would act on', async () => {
    const out = await text(
      exportTimeline(timelineWriter('timesketch'), rows(authEvent({ subject: HOSTILE, userAgent: HOSTILE }))),
    );
    expect(out.split('\n')).toHaveLength(2);
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(JSON.parse(out)).toMatchObject({ subject: HOSTILE, user_agent: HOSTILE });
  });
});

describe('OpenSearch bulk NDJSON', () => {
  it('writes action and document in pairs, named index, the event id as _id, and ends with a newline', async () => {
    const out = await text(
      exportTimeline(timelineWriter('opensearch', { index: 'case-42' }), rows(authEvent(), authEvent({ ts: null }))),
    );
    expect(out.endsWith('\n')).toBe(true);
    const lines = out
      .slice(0, -1)
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toEqual({ index: { _index: 'case-42', _id: '1' } });
    expect(lines[1]).toMatchObject({ '@timestamp': '2026-11-18T09:55:02.123Z', event_kind: 'refresh' });
    expect(lines[2]).toEqual({ index: { _index: 'case-42', _id: '2' } });
    // An untimed event is kept, without a time.
    expect(lines[3]).not.toHaveProperty('@timestamp');
    expect(lines[3]).not.toHaveProperty('datetime');
  });

  it('uses tokentrail-timeline by default and refuses names OpenSearch refuses', () => {
    expect(indexNameProblem('tokentrail-timeline')).toBeUndefined();
    for (const bad of ['', '.', 'Case', 'a b', 'a/b', 'a,b', '_x', '-x', 'a#b', 'x'.repeat(256)])
      expect(indexNameProblem(bad)).toBeTypeOf('string');
    expect(() => timelineWriter('opensearch', { index: 'UPPER' })).toThrow(/lower case/);
  });
});

describe('timeline CSV', () => {
  it('has a header of every field, one record per event, hostile text inert and intact', async () => {
    const out = await text(
      exportTimeline(timelineWriter('csv'), [
        { id: '1', event: authEvent({ subject: HOSTILE, userAgent: '@SUM(1+1)*cmd|/C calc' }), annotation: ANNOTATION },
        { id: '2', event: authEvent({ ts: null, tokenHashes: [] }) },
      ]),
    );
    const [header, first, second] = readCsv(out);
    expect(header).toEqual([...EVENT_FIELDS]);
    const cell = (record: string[] | undefined, field: string) => record![EVENT_FIELDS.indexOf(field as never)];
    expect(cell(first, 'subject')).toBe(`'${HOSTILE}`);
    expect(cell(first, 'user_agent')).toBe("'@SUM(1+1)*cmd|/C calc");
    expect(cell(first, 'timestamp')).toBe(String(Date.parse('2026-11-18T09:55:02.123Z') * 1000));
    expect(cell(first, 'tag')).toBe('phishing,stolen-session');
    expect(cell(first, 'token_hashes')).toBe(`${'f'.repeat(64)} ${'e'.repeat(64)}`);
    expect(cell(first, 'starred')).toBe('true');
    expect(cell(second, 'datetime')).toBe('');
    expect(cell(second, 'starred')).toBe('false');
    // No field of any record starts with a formula trigger.
    for (const record of readCsv(out)) for (const field of record) expect(field).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('streams in chunks: a small chunk size gives one chunk per record, the header first', async () => {
    const stream = exportTimeline(timelineWriter('csv'), rows(authEvent(), authEvent(), authEvent()), 1);
    const chunks: string[] = [];
    for await (const chunk of stream.chunks) chunks.push(chunk);
    expect(chunks).toHaveLength(4);
    expect(chunks[0]).toMatch(/^message,datetime,/);
  });

  it('writes UTF-8 text as it is', async () => {
    const out = await text(exportTimeline(timelineWriter('csv'), rows(authEvent({ subject: 'Zoë Ñandú 東京 🔑' }))));
    expect(readCsv(out)[1]).toContain('Zoë Ñandú 東京 🔑');
  });
});

const FINDING: TimelineFinding = {
  key: 'impossible-travel:abc',
  id: 'impossible-travel',
  origin: 'detector',
  title: 'Impossible travel',
  severity: 'high',
  message: '-1 hop: =cmd from GB to KP',
  explanation: 'why',
  tokenHashes: ['f'.repeat(64)],
  subject: 'alice@northwind.example',
  ts: Date.parse('2026-11-18T09:02:11Z'),
  events: [
    {
      ts: Date.parse('2026-11-18T09:02:11Z'),
      kind: 'use',
      role: 'from',
      source: { file: 'logs/orders.log', sha256: SHA, line: 1 },
    },
    { ts: null, kind: 'refresh', role: 'to', source: { file: 'capture.har', sha256: SHA, index: 4 } },
  ],
  eventCount: 2,
  detail: { fromCountry: 'GB' },
  references: [],
};

describe('findings', () => {
  it('JSONL: the record of analyze --json, plus the annotation when there is one', async () => {
    const [annotated] = await annotatedFindings(
      [{ finding: FINDING }],
      () => new Map([['finding:impossible-travel:abc', ANNOTATION]]),
    );
    const lines = (await text(exportFindings(findingWriter('findings-jsonl'), [annotated!, { finding: FINDING }])))
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines[0]).toEqual(JSON.parse(JSON.stringify({ ...findingRecord(FINDING), annotation: ANNOTATION })));
    expect(lines[1]).toEqual(JSON.parse(JSON.stringify(findingRecord(FINDING))));
    expect(lines[1]).not.toHaveProperty('annotation');
  });

  it('CSV: one row per finding, the evidence places listed, the message inert', async () => {
    const [header, row] = readCsv(
      await text(exportFindings(findingWriter('findings-csv'), [{ finding: FINDING, annotation: ANNOTATION }])),
    );
    expect(header).toEqual([...FINDING_COLUMNS]);
    const cell = (name: string) => row![FINDING_COLUMNS.indexOf(name as never)];
    expect(cell('message')).toBe("'-1 hop: =cmd from GB to KP");
    expect(cell('evidence')).toBe('logs/orders.log:1 capture.har#4');
    expect(cell('event_count')).toBe('2');
    expect(cell('disposition')).toBe('confirmed');
    expect(cell('tag')).toBe('phishing,stolen-session');
  });
});

describe('annotatedEvents', () => {
  it('asks once per page for the event targets and attaches what it gets', async () => {
    const asked: string[][] = [];
    const pages = [rows(authEvent(), authEvent()), [{ id: '3', event: authEvent() }]];
    const out: ExportEvent[] = [];
    for await (const row of annotatedEvents(pages, async (targets) => {
      asked.push([...targets]);
      return new Map([['event:2', ANNOTATION]]);
    }))
      out.push(row);
    expect(asked).toEqual([['event:1', 'event:2'], ['event:3']]);
    expect(out.map((row) => row.annotation?.starred ?? false)).toEqual([false, true, false]);
  });
});
