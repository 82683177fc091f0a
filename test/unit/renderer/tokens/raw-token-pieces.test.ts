import { describe, expect, it } from 'vitest';
import type { FindingEvidence } from '../../../../core/token/findings';
import { rawTokenPieces } from '../../../../renderer/tokens/raw-token-pieces';

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const HEADER = b64url({ alg: 'HS256', typ: 'JWT' });
const PAYLOAD = b64url({ sub: 'stripped@example.com' });
const STRIPPED = `${HEADER}.${PAYLOAD}.`;

describe('rawTokenPieces', () => {
  it('marks the position of a stripped signature (an empty range) with an insertion piece', () => {
    // signature-missing as core reports it: the signature part, an empty range at the end of the token.
    const evidence: FindingEvidence[] = [{ part: 'signature', start: STRIPPED.length, end: STRIPPED.length }];
    const marks = rawTokenPieces(STRIPPED, evidence);
    const insertions = marks.filter((mark) => mark.insertion);
    expect(insertions).toEqual([
      {
        text: '',
        start: STRIPPED.length,
        kind: 'signature',
        findings: [0],
        insertion: true,
        label: 'signature missing here',
      },
    ]);
    expect(marks.at(-1)).toBe(insertions[0]); // after the last dot, where the signature should be
    expect(marks.map((mark) => mark.text).join('')).toBe(STRIPPED); // the text is still exactly the token
  });

  it('marks a stripped signature named by its part only', () => {
    const marks = rawTokenPieces(STRIPPED, [{ part: 'signature' }]);
    expect(marks.filter((mark) => mark.insertion).map((mark) => [mark.start, mark.findings])).toEqual([
      [STRIPPED.length, [0]],
    ]);
  });

  it('puts the insertion of an empty payload between its two dots, and joins findings at the same place', () => {
    const token = `${HEADER}..sig`;
    const at = HEADER.length + 1;
    const marks = rawTokenPieces(token, [
      { part: 'payload' },
      { part: 'claims', start: at, end: at },
      { part: 'header' },
    ]);
    const index = marks.findIndex((mark) => mark.insertion);
    expect(marks[index]).toMatchObject({ start: at, kind: 'payload', findings: [0, 1], label: 'payload missing here' });
    expect(marks[index - 1]).toMatchObject({ kind: 'separator', start: HEADER.length });
    expect(marks[index + 1]).toMatchObject({ kind: 'separator', start: at });
    expect(marks.filter((mark) => mark.insertion)).toHaveLength(1);
    expect(marks.find((mark) => mark.kind === 'header')?.findings).toEqual([2]);
  });

  it('adds nothing when every finding points at characters', () => {
    const token = `${HEADER}.${PAYLOAD}.c2ln`;
    const marks = rawTokenPieces(token, [{ part: 'header' }, { start: 0, end: 5 }]);
    expect(marks.some((mark) => mark.insertion)).toBe(false);
    expect(marks.map((mark) => mark.text).join('')).toBe(token);
  });
});
