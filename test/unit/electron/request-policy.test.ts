import { describe, expect, it } from 'vitest';
import { BlockedRequestLog, createRequestFilter, isRequestAllowed } from '../../../electron/request-policy';

describe('isRequestAllowed', () => {
  it.each([
    'tokentrail://app/index.html',
    'tokentrail://app/assets/worker-1.js',
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:tokentrail://app/8f14e45f-ceea-467f-a8b0-2b1f3c4d5e6f',
  ])('allows %s, packaged or not', (url) => {
    expect(isRequestAllowed(url, { devtools: false })).toBe(true);
    expect(isRequestAllowed(url, { devtools: true })).toBe(true);
  });

  it('allows the DevTools UI only in an unpackaged run', () => {
    const url = 'devtools://devtools/bundled/devtools_app.html';
    expect(isRequestAllowed(url, { devtools: true })).toBe(true);
    expect(isRequestAllowed(url, { devtools: false })).toBe(false);
  });

  it.each([
    'https://fonts.googleapis.com/css2?family=Inter',
    'http://127.0.0.1:8080/',
    'ws://localhost:9229/',
    'file:///etc/passwd',
    'tokentrail://other/index.html',
    'chrome-extension://abc/x.js',
    'nonsense',
  ])('blocks %s', (url) => expect(isRequestAllowed(url, { devtools: true })).toBe(false));
});

describe('createRequestFilter', () => {
  it('cancels and records blocked requests, lets app requests through', () => {
    const log = new BlockedRequestLog();
    const filter = createRequestFilter(log, { devtools: false });
    const decisions: boolean[] = [];
    for (const url of [
      'tokentrail://app/index.html',
      'https://telemetry.example/beacon',
      'data:,x',
      'file:///etc/hosts',
    ]) {
      filter({ url }, ({ cancel }) => decisions.push(cancel));
    }
    expect(decisions).toEqual([false, true, false, true]);
    expect(log.list()).toEqual(['https://telemetry.example/beacon', 'file:///etc/hosts']);
  });
});

describe('BlockedRequestLog', () => {
  it('returns a copy, so callers cannot erase the record', () => {
    const log = new BlockedRequestLog();
    log.record('https://a.example/');
    log.list().length = 0;
    expect(log.list()).toEqual(['https://a.example/']);
  });

  it('keeps the first 1000 URLs and counts the rest', () => {
    const log = new BlockedRequestLog();
    for (let index = 0; index < 1005; index += 1) log.record(`https://flood.example/${index}`);
    const list = log.list();
    expect(list).toHaveLength(1001);
    expect(list[999]).toBe('https://flood.example/999');
    expect(list[1000]).toBe('… and 5 more');
  });
});
