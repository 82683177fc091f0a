import { lineOfText, parseJsonWithLine, withoutBom } from './json-location';
import { isSha256Hex } from './sha256';
import {
  EVIDENCE_KINDS,
  type CaseMetadata,
  type EvidenceKind,
  type EvidenceProblem,
  type Manifest,
  type ManifestEntry,
} from './types';

/** The file name that makes a zip or folder a Tokentrail bundle (docs/bundle-format.md). */
export const MANIFEST_NAME = 'manifest.json';

/** Problems after this many carry no line number (see parseManifest). */
const LOCATED_PROBLEMS = 100;

type Obj = Record<string, unknown>;
const isObject = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Parse and check manifest.json. Returns the manifest when it is usable (possibly with problems in single
 * entries, which are then left out and reported) or only problems when it is not.
 */
export function parseManifest(bytes: Uint8Array): { manifest?: Manifest; problems: EvidenceProblem[] } {
  const problems: EvidenceProblem[] = [];
  // Finding a problem's line searches the text: done for every problem of a hostile manifest with 10,000 bad
  // entries that would be quadratic, so only the first ones are located (they are the ones a person reads).
  const problem = (code: string, message: string, needle?: string): void => {
    const locate = needle !== undefined && problems.length < LOCATED_PROBLEMS;
    problems.push({ code, file: MANIFEST_NAME, line: locate ? lineOfText(text, needle) : undefined, message });
  };
  let text: string;
  try {
    text = withoutBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return {
      problems: [
        { code: 'manifest-not-utf8', file: MANIFEST_NAME, message: `${MANIFEST_NAME} is not valid UTF-8 text.` },
      ],
    };
  }
  const parsed = parseJsonWithLine(text);
  if (!parsed.ok) {
    return {
      problems: [
        {
          code: 'manifest-invalid-json',
          file: MANIFEST_NAME,
          line: parsed.line,
          message: `${MANIFEST_NAME} is not valid JSON: ${parsed.message}`,
        },
      ],
    };
  }
  const root = parsed.value;
  if (!isObject(root))
    return {
      problems: [
        { code: 'manifest-invalid', file: MANIFEST_NAME, line: 1, message: `${MANIFEST_NAME} must be a JSON object.` },
      ],
    };
  if (root.format !== 'tokentrail-bundle')
    problem(
      'manifest-invalid',
      `"format" must be "tokentrail-bundle" (found ${JSON.stringify(root.format)}).`,
      '"format"',
    );
  if (root.formatVersion !== 1) {
    problem(
      'manifest-unsupported-version',
      `"formatVersion" ${JSON.stringify(root.formatVersion)} is not supported; this Tokentrail reads version 1.`,
      '"formatVersion"',
    );
    return { problems };
  }
  const caseMetadata = parseCase(root.case, problem);
  if (!Array.isArray(root.files)) {
    problem('manifest-invalid', '"files" must be an array with one entry per evidence file.', '"files"');
    return { problems };
  }
  const files: ManifestEntry[] = [];
  const paths = new Set<string>();
  root.files.forEach((raw, index) => {
    const entry = parseEntry(raw, index, problem);
    if (!entry) return;
    if (paths.has(entry.path))
      problem('manifest-duplicate-path', `files[${index}]: "${entry.path}" is listed twice.`, `"${entry.path}"`);
    else {
      paths.add(entry.path);
      files.push(entry);
    }
  });
  return { manifest: { format: 'tokentrail-bundle', formatVersion: 1, case: caseMetadata, files }, problems };
}

type Report = (code: string, message: string, needle?: string) => void;

function optionalString(object: Obj, key: string, where: string, problem: Report): string | undefined {
  const value = object[key];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  problem('manifest-invalid-field', `${where}.${key} must be a string.`, `"${key}"`);
  return undefined;
}

function parseCase(raw: unknown, problem: Report): CaseMetadata {
  if (!isObject(raw)) {
    problem('manifest-invalid', '"case" must be an object with at least a "title".', '"case"');
    return { title: 'Untitled case' };
  }
  const title = optionalString(raw, 'title', 'case', problem);
  if (!title) problem('manifest-invalid-field', 'case.title is required.', '"case"');
  const collectedAt = optionalString(raw, 'collectedAt', 'case', problem);
  if (collectedAt !== undefined && !/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(collectedAt)) {
    problem(
      'manifest-invalid-field',
      `case.collectedAt "${collectedAt}" must be ISO 8601 with a time-zone offset, e.g. 2026-11-02T14:03:00+01:00.`,
      '"collectedAt"',
    );
  }
  const sourceSystems = raw.sourceSystems;
  const systems =
    Array.isArray(sourceSystems) && sourceSystems.every((s) => typeof s === 'string')
      ? (sourceSystems as string[])
      : undefined;
  if (sourceSystems !== undefined && !systems)
    problem('manifest-invalid-field', 'case.sourceSystems must be an array of strings.', '"sourceSystems"');
  return {
    title: title ?? 'Untitled case',
    caseNumber: optionalString(raw, 'caseNumber', 'case', problem),
    collectedBy: optionalString(raw, 'collectedBy', 'case', problem),
    collectedAt,
    timeZone: optionalString(raw, 'timeZone', 'case', problem),
    sourceSystems: systems,
    notes: optionalString(raw, 'notes', 'case', problem),
  };
}

function parseEntry(raw: unknown, index: number, problem: Report): ManifestEntry | undefined {
  const where = `files[${index}]`;
  if (!isObject(raw)) {
    problem('manifest-invalid-entry', `${where} must be an object.`);
    return undefined;
  }
  const path = raw.path;
  if (
    typeof path !== 'string' ||
    path === '' ||
    path.startsWith('/') ||
    path.split('/').includes('..') ||
    path.includes('\\')
  ) {
    problem(
      'manifest-invalid-entry',
      `${where}.path must be a relative '/'-separated path inside the bundle (found ${JSON.stringify(path)}).`,
      typeof path === 'string' ? `"${path}"` : undefined,
    );
    return undefined;
  }
  const needle = `"${path}"`;
  let valid = true;
  if (!EVIDENCE_KINDS.includes(raw.kind as EvidenceKind)) {
    problem(
      'manifest-invalid-entry',
      `${where} ("${path}"): kind ${JSON.stringify(raw.kind)} is not one of ${EVIDENCE_KINDS.join(', ')}.`,
      needle,
    );
    valid = false;
  }
  if (typeof raw.size !== 'number' || !Number.isSafeInteger(raw.size) || raw.size < 0) {
    problem('manifest-invalid-entry', `${where} ("${path}"): size must be a whole number of bytes.`, needle);
    valid = false;
  }
  if (!isSha256Hex(raw.sha256)) {
    problem('manifest-invalid-entry', `${where} ("${path}"): sha256 must be 64 lower-case hex digits.`, needle);
    valid = false;
  }
  if (!valid) return undefined;
  return {
    path,
    kind: raw.kind as EvidenceKind,
    mediaType: typeof raw.mediaType === 'string' ? raw.mediaType : 'application/octet-stream',
    size: raw.size as number,
    sha256: raw.sha256 as string,
    description: optionalString(raw, 'description', where, problem),
  };
}
