import { describe, expect, it } from 'vitest';
import { detectFormat, parseAnyTime, parseClfTime, parseIsoTime, parseUserAgent } from '../../../../core';

describe('times', () => {
  it('applies offsets and reads no offset as UTC (flagged), never as the host zone', () => {
    expect(parseIsoTime('2026-11-18T10:02:00.000+01:00')).toEqual({
      ts: Date.UTC(2026, 10, 18, 9, 2),
      assumedUtc: false,
    });
    expect(parseIsoTime('2026-11-18 10:02:00.123456789-0530')).toEqual({
      ts: Date.UTC(2026, 10, 18, 15, 32, 0, 123),
      assumedUtc: false,
    });
    expect(parseIsoTime('2026-11-18T10:02:00')).toEqual({ ts: Date.UTC(2026, 10, 18, 10, 2), assumedUtc: true });
    expect(parseClfTime('[18/Nov/2026:09:02:11 -0800]')).toEqual({
      ts: Date.UTC(2026, 10, 18, 17, 2, 11),
      assumedUtc: false,
    });
    expect(parseAnyTime(1794992398)).toEqual({ ts: 1794992398000, assumedUtc: false });
    expect(parseAnyTime('1794992398123')).toEqual({ ts: 1794992398123, assumedUtc: false });
    expect(parseAnyTime('Wed, 18 Nov 2026 09:02:11 GMT')?.ts).toBe(Date.UTC(2026, 10, 18, 9, 2, 11));
  });

  it('refuses impossible dates instead of rolling them over', () => {
    for (const bad of [
      '2026-02-30T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-11-18T24:00:00Z',
      '31/Feb/2026:00:00:00 +0000',
      '2026-11-18T10:00:00+25:00',
      'yesterday',
    ])
      expect(parseAnyTime(bad)).toBeUndefined();
  });
});

describe('user agents', () => {
  it('names browsers, apps and scripts with OS and device', () => {
    expect(
      parseUserAgent(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36 Edg/141.0.1',
      ),
    ).toEqual({ browser: 'Edge', browserVersion: '141.0.1', os: 'Windows', osVersion: '10/11', device: 'desktop' });
    expect(
      parseUserAgent(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 19_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/19.1 Mobile/15E148 Safari/604.1',
      ),
    ).toMatchObject({ browser: 'Safari', os: 'iOS', osVersion: '19.1', device: 'mobile' });
    expect(
      parseUserAgent(
        'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0 Mobile Safari/537.36',
      ),
    ).toMatchObject({ browser: 'Chrome', os: 'Android', osVersion: '14', device: 'mobile' });
    expect(parseUserAgent('Mozilla/5.0 (X11; Linux x86_64; rv:146.0) Gecko/20100101 Firefox/146.0')).toMatchObject({
      browser: 'Firefox',
      os: 'Linux',
      device: 'desktop',
    });
    expect(parseUserAgent('NorthwindMobile/4.9.1 (Android 11)')).toEqual({
      browser: 'NorthwindMobile',
      browserVersion: '4.9.1',
      os: 'Android',
      osVersion: '11',
      device: 'mobile',
    });
    expect(parseUserAgent('python-requests/2.32')).toEqual({
      browser: 'python-requests',
      browserVersion: '2.32',
      device: 'script',
    });
    expect(parseUserAgent('Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)').device).toBe(
      'bot',
    );
    expect(parseUserAgent('')).toEqual({ device: 'unknown' });
  });
});

describe('format detection reads content, not names', () => {
  it('ranks the right format first for each sample', () => {
    expect(detectFormat('{"log":{"version":"1.2","creator":{"name":"x"},"entries":[]}}')[0]?.format).toBe('har');
    expect(detectFormat('{"ts":"2026-11-18T08:59:58Z","kind":"issue","sub":"a"}')[0]?.format).toBe('tokentrail-jsonl');
    expect(
      detectFormat('1.2.3.4 - - [18/Nov/2026:09:02:11 +0000] "GET / HTTP/1.1" 200 5 "-" "curl/8"')[0]?.format,
    ).toBe('access-log');
    expect(detectFormat('ts,user,ip\n2026-11-18T08:59:58Z,a,1.2.3.4')[0]?.format).toBe('csv');
    expect(detectFormat('hello world')).toEqual([]);
  });
});
