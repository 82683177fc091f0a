import { parseCaseConfig } from './case-config';
import { parseJsonWithLine, withoutBom } from './json-location';
import { parseKeyRotation } from './key-rotation';
import type { EvidenceFileContent, EvidenceProblem, FileCheck } from './types';

/**
 * The JSON files that steer the analysis (key sets, key-rotation history, case configuration) are checked on
 * import, so a typo surfaces now with its line rather than later as a silently missing key or rule.
 */
export function checkStructuredEvidence(files: readonly FileCheck[], contents: readonly EvidenceFileContent[]): EvidenceProblem[] {
  const byPath = new Map(contents.map((content) => [content.path, content]));
  return files.flatMap((file) => {
    const content = byPath.get(file.path);
    if (!content || !['jwks', 'key-rotation', 'case-config'].includes(file.kind)) return [];
    const text = withoutBom(new TextDecoder('utf-8').decode(content.bytes));
    if (file.kind === 'jwks' && !text.trimStart().startsWith('{')) return [];
    const parsed = parseJsonWithLine(text);
    if (!parsed.ok) return [{ code: `${file.kind}-invalid-json`, file: file.path, line: parsed.line, message: `${file.path} is not valid JSON: ${parsed.message}` }];
    if (file.kind === 'key-rotation') return parseKeyRotation(parsed.value, text, file.path).problems;
    if (file.kind === 'case-config') return parseCaseConfig(parsed.value, text, file.path).problems;
    const value = parsed.value as { keys?: unknown; kty?: unknown };
    const isKeySet = Array.isArray(value.keys) || typeof value.kty === 'string';
    return isKeySet ? [] : [{ code: 'jwks-invalid', file: file.path, line: 1, message: `${file.path} is neither a JWK Set ({"keys": [...]}) nor a JWK ({"kty": ...}).` }];
  });
}
