import { parseCaseConfig } from './case-config';
import { parseJsonWithLine, withoutBom } from './json-location';
import { parseKeyRotation } from './key-rotation';
import type { EvidenceKind, EvidenceProblem, FileCheck } from './types';

/**
 * The JSON files that steer the analysis (key sets, key-rotation history, case configuration) are checked on
 * import, so a typo surfaces now with its line rather than later as a silently missing key or rule. One file at a
 * time, so that a bundle of many key files never needs them all in memory at once.
 */

/** The kinds {@link checkStructuredFile} reads whole and checks. */
export const STRUCTURED_KINDS: readonly EvidenceKind[] = ['jwks', 'key-rotation', 'case-config'];

/** Problems in one file of a structured kind (none for other kinds), from its bytes. */
export function checkStructuredFile(file: FileCheck, bytes: Uint8Array): EvidenceProblem[] {
  if (!STRUCTURED_KINDS.includes(file.kind)) return [];
  const text = withoutBom(new TextDecoder('utf-8').decode(bytes));
  if (file.kind === 'jwks' && !text.trimStart().startsWith('{')) return [];
  const parsed = parseJsonWithLine(text);
  if (!parsed.ok)
    return [
      {
        code: `${file.kind}-invalid-json`,
        file: file.path,
        line: parsed.line,
        message: `${file.path} is not valid JSON: ${parsed.message}`,
      },
    ];
  if (file.kind === 'key-rotation') return parseKeyRotation(parsed.value, text, file.path).problems;
  if (file.kind === 'case-config') return parseCaseConfig(parsed.value, text, file.path).problems;
  const value = parsed.value as { keys?: unknown; kty?: unknown };
  const isKeySet = Array.isArray(value.keys) || typeof value.kty === 'string';
  return isKeySet
    ? []
    : [
        {
          code: 'jwks-invalid',
          file: file.path,
          line: 1,
          message: `${file.path} is neither a JWK Set ({"keys": [...]}) nor a JWK ({"kty": ...}).`,
        },
      ];
}
