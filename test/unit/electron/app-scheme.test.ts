import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl } from '../../../electron/app-scheme';

describe('isAppUrl', () => {
  it.each([
    APP_ENTRY_URL,
    'tokentrail://app/',
    'tokentrail://app/assets/index-abc.js?x=1#y',
    'TOKENTRAIL://APP/index.html',
  ])('accepts %s', (url) => expect(isAppUrl(url)).toBe(true));

  it.each([
    'tokentrail://evil/index.html',
    'tokentrail://app:8080/index.html',
    'tokentrail://user:pass@app/index.html',
    'tokentrail://app.evil.example/',
    'https://app/index.html',
    'file:///work/main/dist/web/index.html',
    'about:blank',
    'not a url',
    '',
    undefined,
    null,
  ])('refuses %s', (url) => expect(isAppUrl(url)).toBe(false));
});
