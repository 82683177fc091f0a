import { describe, it } from 'vitest';
import {
  collectSource,
  detectFormat,
  extractTokens,
  parseAnyTime,
  parseManifest,
  parseUserAgent,
  SOURCE_FORMAT_NAMES,
  type SourceFormatName,
} from '../../../core';
import { analyzeToken, decodeToken, loadKeyFile, privateKeyTexts } from '../../../core/token';
import { countryCode } from '../../../core/geo/country-code';
import { headerKey } from '../../../core/sources/formats/csv-mapping';
import { readIpAddress } from '../../../core/sources/ip-address';
import { parseAppVersion } from '../../../core/timeline/util/app-version';
import { readPemBlocks } from '../../../core/token/keyring/pem';
import { checkBundle } from '../../../core/evidence/verify-bundle';
import { craftZip, memoryInput as zipInput } from '../../support/craft-zip';
import { expectLinearGrowth, type GrowthCase } from '../../support/growth';
import { verifier } from './token/token-helpers';
import { noteLinks } from '../../../core/annotations';
import { memoryInput } from './sources/helpers';

/**
 * Every reader of evidence text, fed the adversarial shapes of growing size: runs of one character that a pattern
 * might scan again from every position, unmatched openers (quotes, brackets, PEM markers) and long lines.
 * A failure names the work and its timings.
 */
const encoder = new TextEncoder();
const repeat = (unit: string, size: number) => unit.repeat(Math.max(1, Math.floor(size / unit.length)));
/** Zip bytes carried as a string (one character per byte), the shape these growth cases take. */
const latin1 = (bytes: Uint8Array) => Array.from(bytes, (byte) => String.fromCharCode(byte)).join('');
/** A version-1 manifest of about `size` characters whose files are `entry(index)`. */
const manifestOf = (size: number, entry: (index: number) => string) => {
  const count = Math.max(1, Math.floor(size / entry(0).length));
  return `{"format":"tokentrail-bundle","formatVersion":1,"case":{"title":"t"},"files":[${Array.from({ length: count }, (_, index) => entry(index)).join(',')}]}`;
};
const parseAs = (format: SourceFormatName | undefined) => (text: string) =>
  collectSource(memoryInput('hostile.log', encoder.encode(text)), '0'.repeat(64), format ? { format } : {});

const KEYCLOAK_PREFIX = '2026-11-18 10:00:00,000 INFO  [org.keycloak.events] (default task-1) type="LOGIN", ';
const ACCESS_PREFIX = '203.0.113.9 - - [18/Nov/2026:09:02:11 +0000] "GET /';
const ACCESS_COMPLETE = '203.0.113.9 - - [18/Nov/2026:09:02:11 +0000] "GET / HTTP/1.1" 200 5';

const SOURCE_CASES: GrowthCase[] = [
  {
    name: 'keycloak: letters after a quoted value',
    make: (n) => KEYCLOAK_PREFIX + repeat('a', n),
    run: parseAs('keycloak'),
  },
  {
    name: 'keycloak: spaces before the marker',
    make: (n) => `${repeat(' ', n)}x INFO [org.keycloak.events] (t) type=LOGIN`,
    run: parseAs('keycloak'),
  },
  { name: 'keycloak: unclosed quotes', make: (n) => KEYCLOAK_PREFIX + repeat('a="', n), run: parseAs('keycloak') },
  {
    name: 'keycloak: many markers on one line',
    make: (n) => repeat('[org.keycloak.events] ', n),
    run: parseAs('keycloak'),
  },
  { name: 'access log: unclosed quote', make: (n) => ACCESS_PREFIX + repeat('a', n), run: parseAs('access-log') },
  { name: 'access log: quotes and spaces', make: (n) => ACCESS_PREFIX + repeat('" ', n), run: parseAs('access-log') },
  { name: 'access log: spaces', make: (n) => repeat(' ', n), run: parseAs('access-log') },
  { name: 'access log: brackets', make: (n) => repeat('[', n), run: parseAs('access-log') },
  {
    name: 'access log: fields before the time',
    make: (n) => `${repeat('a ', n)}[18/Nov/2026:09:02:11 +0000] "GET / HTTP/1.1" 200 5`,
    run: parseAs('access-log'),
  },
  {
    name: 'access log: quotes that almost close the request',
    make: (n) => ACCESS_PREFIX + repeat('" 20', n),
    run: parseAs('access-log'),
  },
  {
    name: 'access log: quotes inside the user agent',
    make: (n) => `${ACCESS_COMPLETE} "-" "${repeat('a" b', n)}`,
    run: parseAs('access-log'),
  },
  {
    name: 'access log: a long forwarded-for list',
    make: (n) => `${ACCESS_COMPLETE} "-" "curl/8" "${repeat('203.0.113.9, ', n)}"`,
    run: parseAs('access-log'),
  },
  {
    name: 'access log: Apache LogFormat with %t',
    make: (n) => `1.1.1.1 - - [${repeat('a ', n)}`,
    run: (text: string) =>
      collectSource(memoryInput('hostile.log', encoder.encode(text)), '0'.repeat(64), {
        format: 'access-log',
        formatOptions: { accessLogFormat: '%h %l %u %t \\"%r\\" %>s %b' },
      }),
  },
  { name: 'keycloak: JSON_EVENT markers', make: (n) => repeat('JSON_EVENT::', n), run: parseAs('keycloak') },
  {
    name: 'keycloak: a server line with a long message',
    make: (n) => `2026-11-18 10:00:00,000 INFO  [io.quarkus] (main) ${repeat('a ', n)}`,
    run: parseAs('keycloak'),
  },
  { name: 'csv: unclosed quoted field', make: (n) => `time,user\n"${repeat('a', n)}`, run: parseAs('csv') },
  { name: 'csv: quotes', make: (n) => `time,user\n${repeat('"', n)}`, run: parseAs('csv') },
  { name: 'csv: commas', make: (n) => `time,user\n${repeat(',', n)}`, run: parseAs('csv') },
  { name: 'token list: dots', make: (n) => repeat('.', n), run: parseAs('token-list') },
  { name: 'token list: eyJ runs', make: (n) => repeat('eyJ.', n), run: parseAs('token-list') },
  { name: 'har: deep nesting', make: (n) => `{"log":{"entries":[${repeat('[', n)}`, run: parseAs('har') },
  { name: 'jsonl: unclosed strings', make: (n) => repeat('{"a":"\\', n), run: parseAs('tokentrail-jsonl') },
  ...SOURCE_FORMAT_NAMES.map((format): GrowthCase => ({
    name: `${format}: one long line of letters`,
    make: (n) => repeat('a', n),
    run: parseAs(format),
  })),
  { name: 'detection: a long line of Bearer and dots', make: (n) => repeat('Bearer eyJ.', n), run: parseAs(undefined) },
];

const detectionSizes = [1_000, 8_000, 64_000]; // detection reads a 64 KiB sample at most
const DETECTION_CASES: GrowthCase[] = [
  { name: 'detect: keycloak markers', make: (n) => repeat('[org.keycloak.events] type', n), run: detectFormat },
  { name: 'detect: quotes', make: (n) => repeat('"', n), run: detectFormat },
  { name: 'detect: spaces', make: (n) => repeat(' ', n), run: detectFormat },
  { name: 'detect: access-log openers', make: (n) => repeat('1.1.1.1 - - [', n), run: detectFormat },
  { name: 'detect: json keys', make: (n) => repeat('{"realmId":', n), run: detectFormat },
  { name: 'detect: csv header', make: (n) => repeat('time,', n), run: detectFormat },
];

const TOKEN_CASES: GrowthCase[] = [
  { name: 'decode: letters', make: (n) => repeat('a', n), run: (text) => decodeToken(text, { maxLength: Infinity }) },
  { name: 'decode: dots', make: (n) => repeat('.', n), run: (text) => decodeToken(text, { maxLength: Infinity }) },
  {
    name: 'decode: eyJ segments',
    make: (n) => repeat('eyJhIjoi', n) + '.e30.',
    run: (text) => decodeToken(text, { maxLength: Infinity }),
  },
  // What a strict verifier refuses (strict/rejections.ts): a crit list of many names, and envelope problems every signature shares.
  {
    name: 'decode: crit with many names',
    make: (n) => `${Buffer.from(`{"alg":"HS256","crit":[${repeat('"a",', n)}"b"]}`).toString('base64url')}.e30.c2ln`,
    run: (text) => decodeToken(text, { maxLength: Infinity }),
  },
  {
    name: 'decode: JSON envelope members named twice',
    make: (n) =>
      `{"payload":"e30",${repeat('"x":1,', n)}"signatures":[${Array.from({ length: 16 }, () => '{"protected":"eyJhbGciOiJIUzI1NiJ9","signature":"c2ln"}').join(',')}]}`,
    run: (text) => decodeToken(text, { maxLength: Infinity }),
  },
  {
    name: 'extract: Bearer prefixes',
    make: (n) => repeat('Bearer ', n),
    run: (text) => extractTokens([{ path: 'a', bytes: encoder.encode(text), sha256: '0' }]),
  },
  {
    name: 'extract: eyJ runs',
    make: (n) => repeat('eyJ', n),
    run: (text) => extractTokens([{ path: 'a', bytes: encoder.encode(text), sha256: '0' }]),
  },
  {
    name: 'extract: a cookie header with a long name',
    make: (n) => `Cookie: ${repeat('a', n)}=eyJhbGciOiJIUzI1NiJ9.e30.c2ln`,
    run: (text) => extractTokens([{ path: 'a', bytes: encoder.encode(text), sha256: '0' }]),
  },
  {
    name: 'extract: dotted runs',
    make: (n) => repeat('eyJa.', n),
    run: (text) => extractTokens([{ path: 'a', bytes: encoder.encode(text), sha256: '0' }]),
  },
];

const KEY_CASES: GrowthCase[] = [
  { name: 'pem: unmatched BEGIN markers', make: (n) => repeat('-----BEGIN PUBLIC KEY-----\n', n), run: readPemBlocks },
  { name: 'pem: BEGIN with a long label', make: (n) => `-----BEGIN ${repeat('A', n)}`, run: readPemBlocks },
  {
    name: 'private keys: unmatched BEGIN markers',
    make: (n) => repeat('-----BEGIN PRIVATE KEY-----\n', n),
    run: privateKeyTexts,
  },
  {
    name: 'key file: unmatched BEGIN markers',
    make: (n) => repeat('-----BEGIN RSA PRIVATE KEY-----\n', n),
    run: (text) => loadKeyFile(encoder.encode(text), 'k.pem'),
  },
  {
    name: 'key file: BEGIN then letters',
    make: (n) => `-----BEGIN ${repeat('A ', n)}`,
    run: (text) => loadKeyFile(encoder.encode(text), 'k.pem'),
  },
  {
    name: 'key file: JSON nesting',
    make: (n) => repeat('[', n),
    run: (text) => loadKeyFile(encoder.encode(text), 'k.json'),
  },
];

const OTHER_CASES: GrowthCase[] = [
  { name: 'time: digits', make: (n) => repeat('1', n), run: parseAnyTime },
  { name: 'ip field: dotted digits', make: (n) => repeat('1.', n), run: readIpAddress },
  { name: 'ip field: colons and brackets', make: (n) => `[${repeat(':1', n)}]:443`, run: readIpAddress },
  { name: 'country: spaces', make: (n) => `United${repeat(' ', n)}States`, run: countryCode },
  { name: 'csv header: punctuation', make: (n) => repeat('_ -', n), run: headerKey },
  { name: 'time: ISO-like runs', make: (n) => repeat('2026-', n), run: parseAnyTime },
  { name: 'app version: spaces inside', make: (n) => `1${repeat(' ', n)}x`, run: parseAppVersion },
  { name: 'user agent: parentheses', make: (n) => repeat('(', n), run: parseUserAgent },
  { name: 'note links: one long id ending in full stops', make: (n) => `finding:${repeat('a.', n)}`, run: noteLinks },
  { name: 'note links: many link prefixes', make: (n) => repeat('event:', n), run: noteLinks },
  {
    name: 'manifest: many files',
    make: (n) => `{"files":[${repeat('{"path":"a","sha256":"x"},', n)}{}]}`,
    run: (text) => parseManifest(encoder.encode(text)),
  },
  {
    name: 'manifest: many distinct valid files',
    make: (n) => manifestOf(n, (index) => `{"path":"f/${index}","kind":"other","size":1,"sha256":"${'0'.repeat(64)}"}`),
    run: (text) => parseManifest(encoder.encode(text)),
  },
  {
    name: 'zip: many one-byte entries (about 100 bytes each)',
    make: (n) =>
      latin1(
        craftZip(
          Array.from({ length: Math.floor(n / 100) }, (_, index) => ({ name: `f/${index}.txt`, data: 'x', method: 0 })),
        ),
      ),
    run: (text) =>
      checkBundle({
        type: 'zip',
        zip: zipInput(
          'many.zip',
          Uint8Array.from(text, (character) => character.charCodeAt(0)),
        ),
      }),
  },
  {
    name: 'manifest: many invalid files',
    make: (n) => manifestOf(n, (index) => `{"path":"f/${index}","kind":"x"}`),
    run: (text) => parseManifest(encoder.encode(text)),
  },
];

const TIMEOUT = 120_000;
describe('linear time on hostile input', () => {
  for (const cases of [SOURCE_CASES, TOKEN_CASES, KEY_CASES, OTHER_CASES]) {
    for (const work of cases) it(work.name, () => expectLinearGrowth(work), TIMEOUT);
  }
  for (const work of DETECTION_CASES) it(work.name, () => expectLinearGrowth(work, detectionSizes), TIMEOUT);
  it(
    'analyze: a JSON-form token with many signatures',
    () =>
      expectLinearGrowth({
        name: 'analyze: JSON-form signatures',
        make: (n) =>
          JSON.stringify({
            payload: 'e30',
            signatures: Array.from({ length: Math.floor(n / 40) }, () => ({
              protected: 'eyJhbGciOiJIUzI1NiJ9',
              signature: 'AAAA',
            })),
          }),
        run: (text) => analyzeToken(text, { verifier }),
      }),
    TIMEOUT,
  );
});
