import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  holdsKeycloakEventLine,
  keyValuePairs,
  splitKeycloakLine,
} from '../../../../core/sources/formats/keycloak-text-line';

/**
 * The scanners replaced regular expressions that were quadratic on long runs; these oracles are those expressions
 * (with one fix: an unclosed quoted value keeps its text instead of losing its last character), run on short inputs
 * where their cost does not matter, and the scanners must agree with them on every input.
 */
const ORACLE_LINE = /^(.*?)\s*\b(?:TRACE|DEBUG|INFO|WARN|WARNING|ERROR)\s+\[org\.keycloak\.events\][^)]*\)\s*(.*)$/;
function oracleSplit(text: string) {
  const match = ORACLE_LINE.exec(text);
  return match ? { time: match[1]!.trim(), body: match[2]! } : undefined;
}
function oraclePairs(body: string) {
  const fields: Record<string, string> = {};
  for (const pair of body.matchAll(/([A-Za-z_]+)=(?:"((?:[^"\\]|\\.)*)"|([^,]*))/g)) {
    fields[pair[1]!] = pair[2] ?? pair[3]!.replace(/^"/, '').trim();
  }
  return fields;
}
const oracleDetect = (sample: string) => /\[org\.keycloak\.events\].*\btype="?[A-Z_]+"?, realmId=/.test(sample);

const fragments = fc.constantFrom(
  'INFO',
  'WARN',
  'WARNING',
  'ERRORS',
  'x',
  ' ',
  '  ',
  '\t',
  '\n',
  '[org.keycloak.events]',
  '(',
  ')',
  'type',
  'realmId',
  '=',
  '"',
  '\\',
  ',',
  ', ',
  'a',
  'LOGIN',
  '_',
  '9',
  '2026-11-18 10:00:00,001',
);
const lines = fc.array(fragments, { maxLength: 30 }).map((parts) => parts.join(''));

describe('Keycloak text-line scanners', () => {
  it('split lines exactly as the old expression did', () => {
    fc.assert(
      fc.property(lines, (line) => {
        const text = line.replace(/\n/g, ' ');
        expect(splitKeycloakLine(text)).toEqual(oracleSplit(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('read key=value pairs as the old expression did', () => {
    fc.assert(
      fc.property(lines, (body) => {
        const text = body.replace(/\n/g, ' ');
        expect(keyValuePairs(text)).toEqual(oraclePairs(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('detect event lines as the old expression did', () => {
    fc.assert(
      fc.property(lines, (sample) => {
        expect(holdsKeycloakEventLine(sample)).toBe(oracleDetect(sample));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a real jboss-logging event line', () => {
    const line =
      '2026-11-18 10:02:11,512 WARN  [org.keycloak.events] (executor-thread-3) type="LOGIN_ERROR", realmId="northwind", clientId="mobile", userId="null", ipAddress="198.51.100.7", error="invalid_user_credentials", auth_method="openid-connect", username="alma"';
    const parts = splitKeycloakLine(line)!;
    expect(parts.time).toBe('2026-11-18 10:02:11,512');
    expect(keyValuePairs(parts.body)).toMatchObject({
      type: 'LOGIN_ERROR',
      realmId: 'northwind',
      ipAddress: '198.51.100.7',
      username: 'alma',
    });
  });
});
