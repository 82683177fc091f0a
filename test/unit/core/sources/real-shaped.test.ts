import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GeoLocation, GeoLocator } from '../../../../core/geo/types';
import type { ParseSourceOptions } from '../../../../core/sources/parse-source';
import { compileAccessLogFormat } from '../../../../core/sources/formats/access-log-pattern';
import { analyzeTimeline } from '../../../../core/timeline';
import { parse } from './helpers';

/** The samples of test/fixtures/real-shaped (what each models and where that format is documented: its README). */
const DIRECTORY = 'test/fixtures/real-shaped';
const read = (name: string) => new Uint8Array(readFileSync(`${DIRECTORY}/${name}`));
const parseSample = (name: string, options: ParseSourceOptions = {}) => parse(name, read(name), options);

/** Apache's `combined` with `%D` appended, as a `LogFormat` line writes it (escaped quotes included). */
const APACHE_LOGFORMAT = '%h %l %u %t \\"%r\\" %>s %b \\"%{Referer}i\\" \\"%{User-agent}i\\" %D';

/** Every access log among the samples, with the options it is read with. */
const ACCESS_LOGS: readonly (readonly [string, ParseSourceOptions])[] = [
  ['apache-vhost-combined.log', {}],
  ['nginx-host-first.log', {}],
  ['combined-attack-traffic.log', {}],
  ['nginx-time-iso8601.log', {}],
  ['apache-logformat-microseconds.log', { format: 'access-log', formatOptions: { accessLogFormat: APACHE_LOGFORMAT } }],
];

/** An offline locator with a fixed answer per address (the database's answer is an ISO code, as DB-IP's is). */
function fixedLocator(places: Record<string, Omit<GeoLocation, 'source'>>): GeoLocator {
  return { databases: [], lookup: (ip) => (places[ip] ? { ...places[ip], source: 'database' } : undefined) };
}
const LONDON = { country: 'GB', latitude: 51.5072, longitude: -0.1276 };
const PYONGYANG = { country: 'KP', latitude: 39.0392, longitude: 125.7625 };
const SEATTLE = { country: 'US', latitude: 47.61, longitude: -122.33 };

describe('real-shaped access logs: every line becomes an event', () => {
  it.each(ACCESS_LOGS)('%s: one event per non-empty line, in line order', async (name, options) => {
    const lines = new TextDecoder().decode(read(name)).split('\n');
    const expected = lines.map((line, i) => (line.trim() === '' ? 0 : i + 1)).filter((line) => line > 0);
    const { events, summary } = await parseSample(name, options);
    expect(summary.format).toBe('access-log');
    expect(events.map((event) => event.source.line)).toEqual(expected);
  });

  it('detects virtual-host layouts from content: Apache vhost_combined (%v:%p %h …) and nginx with $host first', async () => {
    const apache = await parseSample('apache-vhost-combined.log');
    expect(apache.summary.formatChosenBy).toBe('content');
    expect(apache.problems).toEqual([]);
    expect(apache.events[2]).toMatchObject({
      ip: '2001:db8:85a3::8a2e:370:7334',
      http: { method: 'POST', path: '/oauth/token', host: 'api.northwind.example', status: 200 },
      details: { serverPort: '443' },
    });
    expect(apache.events[7]).toMatchObject({
      kind: 'failure',
      subject: 'bob',
      http: { host: 'admin.northwind.example', status: 403 },
    });
    const nginx = await parseSample('nginx-host-first.log');
    expect(nginx.problems).toEqual([]);
    expect(nginx.events[1]).toMatchObject({
      ip: '10.0.4.17',
      http: { host: 'api.northwind.example' },
      details: { forwardedFor: '81.2.69.160, 10.0.4.1' },
    });
    expect(nginx.events[0]!.ts).toBe(Date.UTC(2026, 10, 18, 9, 0, 0));
  });

  it('keeps raw double quotes inside the request and the user agent', async () => {
    const { events } = await parseSample('combined-attack-traffic.log');
    expect(events[1]).toMatchObject({
      kind: 'request',
      http: { method: 'GET', path: '/page?template=<script>alert("text")</script>', status: 200 },
      details: { trailing: '871' },
    });
    expect(events[2]).toMatchObject({
      http: { path: '/login?user=admin" OR "1"="1', status: 302 },
      userAgent: 'Mozilla/5.0 "evil" scanner',
    });
    expect(events[3]!.http).toMatchObject({ path: '/a b/c', status: 400 });
    const vhost = await parseSample('apache-vhost-combined.log');
    expect(vhost.events[5]!.userAgent).toBe('() { :; }; echo; /bin/bash -c "cat /etc/passwd"');
  });

  it('reads a TLS handshake on an HTTP port, a request without method or protocol, and trailing fields', async () => {
    const { events } = await parseSample('combined-attack-traffic.log');
    expect(events[4]).toMatchObject({
      kind: 'request',
      ip: '198.51.100.23',
      outcome: 'failure',
      http: { status: 400 },
      details: { requestShape: 'tls-handshake', request: '\\x16\\x03\\x03\\x00\\xca\\x01\\x00\\x00\\xc6\\x03\\x03' },
    });
    expect(events[5]!.details).toMatchObject({ requestShape: 'not-http', request: 'SSH-2.0-Go' });
    expect(events[6]!.http).toEqual({ method: 'GET', path: '/', status: 200 });
    expect(events[7]).toMatchObject({ kind: 'use', subject: 'alice', ip: '2001:db8::17' });
    expect(events[7]!.tokenHashes).toHaveLength(1);
    const nginx = await parseSample('nginx-host-first.log');
    expect(nginx.events[4]).toMatchObject({ http: { path: '/', status: 400 }, details: { requestShape: 'no-method' } });
  });

  it('keeps a line that still cannot be read as an unparsed event with its problem, searchable', async () => {
    const { events, problems } = await parseSample('combined-attack-traffic.log');
    const last = events[9]!;
    expect(last).toMatchObject({ kind: 'unparsed', ts: null, source: { line: 10 } });
    expect(last.record).toContain('cut by log rotation');
    expect(last.details?.problem).toMatch(/\[time\] field is never closed/);
    expect(problems).toEqual([expect.objectContaining({ code: 'malformed-line', line: 10 })]);
  });

  it('keeps fields appended after a given layout instead of refusing the line', async () => {
    const layout = '%h %l %u %t \\"%r\\" %>s %b \\"%{Referer}i\\" \\"%{User-agent}i\\"';
    const line =
      '81.2.69.160 - - [18/Nov/2026:12:00:00 +0000] "GET / HTTP/1.1" 200 5 "-" "curl/8.5.0" 1542 "203.0.113.7, 10.0.0.2"';
    const { events, problems } = await parse('custom.log', line, {
      format: 'access-log',
      formatOptions: { accessLogFormat: layout },
    });
    expect(problems).toEqual([]);
    expect(events[0]).toMatchObject({
      kind: 'request',
      userAgent: 'curl/8.5.0',
      details: { trailing: '1542 "203.0.113.7, 10.0.0.2"', forwardedFor: '203.0.113.7, 10.0.0.2' },
    });
  });

  it('reads an ISO 8601 time in the brackets (nginx [$time_iso8601]) without a layout string', async () => {
    const { events, problems } = await parseSample('nginx-time-iso8601.log');
    expect(problems).toEqual([]);
    expect(events.map((event) => event.ts)).toEqual([
      Date.UTC(2026, 10, 18, 12, 0, 0),
      Date.UTC(2026, 10, 18, 12, 0, 4),
      Date.UTC(2026, 10, 18, 12, 0, 9),
    ]);
  });

  it('reads Apache LogFormat strings, whose %t holds a space inside its brackets', async () => {
    expect(
      compileAccessLogFormat(APACHE_LOGFORMAT).regex.test(
        '81.2.69.160 - - [18/Nov/2026:12:00:00 +0000] "GET / HTTP/1.1" 200 5 "-" "curl/8" 1542',
      ),
    ).toBe(true);
    const { events, problems } = await parseSample(
      'apache-logformat-microseconds.log',
      ACCESS_LOGS.find(([name]) => name === 'apache-logformat-microseconds.log')![1],
    );
    expect(problems).toEqual([]);
    expect(events.map((event) => [event.kind, event.ts])).toEqual([
      ['request', Date.UTC(2026, 10, 18, 12, 0, 0)],
      ['revoke', Date.UTC(2026, 10, 18, 12, 0, 1)],
      ['request', Date.UTC(2026, 10, 18, 12, 0, 9)],
    ]);
  });
});

describe('the real-shaped samples as a whole', () => {
  it('reads every sample with the counts its README states', async () => {
    const names = readdirSync(DIRECTORY)
      .filter((name) => name !== 'README.md')
      .sort();
    const options = new Map(ACCESS_LOGS);
    let records = 0;
    let events = 0;
    let problems = 0;
    let skipped = 0;
    for (const name of names) {
      const { summary } = await parseSample(name, options.get(name) ?? {});
      expect(summary.format, name).not.toBeNull();
      records += summary.records;
      events += summary.events;
      problems += summary.problems;
      skipped += Number(/^\d+/.exec(summary.facts.skipped ?? '0')?.[0]);
    }
    expect({ files: names.length, records, events, problems, skipped }).toEqual({
      files: 11,
      records: 62,
      events: 52,
      problems: 1,
      skipped: 9,
    });
  });
});

describe('real-shaped vendor quirks', () => {
  it('Keycloak: null ids are absent (the username is the subject), JSON_EVENT lines are read, server lines skipped and counted', async () => {
    const { events, problems, summary } = await parseSample('keycloak-server.log');
    expect(summary.format).toBe('keycloak');
    expect(problems).toEqual([]);
    expect(summary.facts.skipped).toMatch(/^7 Keycloak server log line/);
    expect(events.map((event) => [event.action, event.subject ?? null, event.clientId ?? null])).toEqual([
      ['LOGIN', '8f2c-user', 'nw-web'],
      ['LOGIN_ERROR', 'carol', 'nw-web'],
      ['LOGIN_ERROR', 'dave', 'nw-web'],
      ['CLIENT_LOGIN_ERROR', null, null],
      ['CODE_TO_TOKEN', '8f2c-user', 'nw-web'],
      ['LOGIN_ERROR', 'alice', 'nw-web'],
    ]);
    expect(events[4]).toMatchObject({
      kind: 'issue',
      jti: 'onrtac:at-9',
      sessionId: 'c3be023a-sess',
      ts: 1794992700210,
      details: { refresh_token_id: 'rt-9' },
    });
  });

  it('Keycloak: the JSON console log (KC_LOG_CONSOLE_OUTPUT=json) gives its org.keycloak.events messages as events', async () => {
    const { events, problems, summary } = await parseSample('keycloak-json-console.jsonl');
    expect(summary.format).toBe('keycloak');
    expect(problems).toEqual([]);
    expect(summary.facts.skipped).toMatch(/^2 /);
    expect(events.map((event) => [event.kind, event.subject, event.ts])).toEqual([
      ['login', '8f2c-user', Date.parse('2026-11-18T10:00:12.120Z')],
      ['failure', 'mallory', Date.parse('2026-11-18T10:01:02.500Z')],
    ]);
  });

  it('CloudTrail: a failed ConsoleLogin is a failure, console and hosted-UI sign-ins are logins, "AWS Internal" is no address', async () => {
    const { events, problems } = await parseSample('cloudtrail-console-signin.json');
    expect(problems).toEqual([]);
    expect(events.map((event) => [event.action, event.kind, event.outcome])).toEqual([
      ['ConsoleLogin', 'login', 'success'],
      ['ConsoleLogin', 'failure', 'failure'],
      ['ListUsers', 'other', 'success'],
      ['Login_POST', 'login', 'success'],
      ['Token_POST', 'failure', 'failure'],
    ]);
    expect(events[1]).toMatchObject({
      subject: 'alice',
      reason: 'Failed authentication',
      ip: '175.45.176.3',
      details: { consoleLogin: 'Failure', mfaUsed: 'No' },
    });
    expect(events[2]!.ip).toBeUndefined();
    expect(events[2]!.details?.ipAsLogged).toBe('AWS Internal');
  });

  it('CloudTrail: a Logstash export with @timestamp and no eventTime gets its times; a hidden user name is no subject', async () => {
    const { events, problems } = await parseSample('cloudtrail-logstash-export.jsonl');
    expect(problems).toEqual([]);
    expect(events.map((event) => [event.kind, event.ts])).toEqual([
      ['failure', Date.parse('2026-11-18T09:30:00Z')],
      ['login', Date.parse('2026-11-18T09:31:15Z')],
    ]);
    expect(events[0]!.subject).toBeUndefined();
  });

  it('CSV: common header spellings map without a mapping file; IP fields that are not addresses are kept as text', async () => {
    const { events, problems, summary } = await parseSample('siem-signins.csv');
    expect(summary.format).toBe('csv');
    expect(problems).toEqual([]);
    expect(
      events.map((event) => [
        event.ts,
        event.subject,
        event.ip ?? null,
        event.details?.ipAsLogged ?? null,
        event.outcome,
      ]),
    ).toEqual([
      [Date.parse('2026-11-18T09:40:00Z'), 'alice@example.com', '81.2.69.160', null, 'success'],
      [Date.parse('2026-11-18T09:41:00Z'), 'alice@example.com', null, 'monitoring-server', 'success'],
      [Date.parse('2026-11-18T09:42:00Z'), 'bob@example.com', '203.0.113.9', '203.0.113.9:51544', 'failure'],
      [Date.parse('2026-11-18T09:43:00Z'), 'unknown', null, 'AWS Internal', 'success'],
      [Date.parse('2026-11-18T09:44:00Z'), 'carol@example.com', '2001:db8::5', '[2001:db8::5]:443', 'success'],
    ]);
    expect(events[0]!.userAgent).toMatch(/^Mozilla\/5\.0 \(Macintosh/);
    expect(events[0]!.http).toBeUndefined();
  });

  it('CSV: when no column is the time, the problem names the headers seen', async () => {
    const text = 'When,Who,Bearer\n18.11.2026 09:00,alice,eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2ln\n';
    const { events, problems } = await parse('export.csv', text, { format: 'csv' });
    expect(problems[0]).toMatchObject({ code: 'missing-time', line: 1 });
    expect(problems[0]!.message).toContain('"When", "Who", "Bearer"');
    expect(events).toHaveLength(1);
  });

  it('Okta country names compare as ISO 3166 codes with the offline database: no country change from the spelling alone', async () => {
    const geo = fixedLocator({ '198.51.100.77': SEATTLE });
    const { events } = await parseSample('okta-country-names.json', { geo });
    expect(events[0]!.geo?.country).toBe('US');
    expect(events[0]!.details?.countryAsLogged).toBe('United States');
    expect(events[1]!.geo).toMatchObject({ country: 'US', source: 'database' });
    const analysis = analyzeTimeline(events, { detectors: ['country-change', 'impossible-travel'] });
    expect(analysis.findings).toEqual([]);
  });

  it('Keycloak failed logins of different people with userId=null are not joined into one travelling user', async () => {
    const geo = fixedLocator({ '175.45.176.3': PYONGYANG, '81.2.69.160': LONDON });
    const { events } = await parseSample('keycloak-server.log', { geo });
    const analysis = analyzeTimeline(events, { detectors: ['impossible-travel', 'country-change'] });
    expect(analysis.findings).toEqual([]);
  });
});
