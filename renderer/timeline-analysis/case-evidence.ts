// What the timeline needs from a case's evidence besides its events: the issuer's key-rotation history (with the
// file and line of each key's record, so a retired-key finding can point at it) and the case configuration with
// its `detectors` parameters. The latest import's case configuration speaks for the case, as in token analysis.
import { parseCaseConfig, type CaseConfig } from '../../core/evidence/case-config';
import { lineOfText, parseJsonWithLine, withoutBom } from '../../core/evidence/json-location';
import { parseKeyRotation } from '../../core/evidence/key-rotation';
import type { KeyHistoryEntry, TimelineParameterOverrides } from '../../core/timeline';
import type { EvidenceFileRecord } from '../db/records';
import type { TokentrailDatabase } from '../db/schema';
import { checkCaseParameters } from './detector-parameters';

export interface CaseEvidence {
  readonly caseConfig?: CaseConfig;
  readonly keyHistory: readonly KeyHistoryEntry[];
  /** The case-config's `detectors` member, checked. */
  readonly parameters: TimelineParameterOverrides;
  readonly problems: readonly string[];
}

interface JsonFile {
  readonly file: EvidenceFileRecord;
  readonly value: unknown;
  readonly text: string;
}

async function readJsonFiles(database: TokentrailDatabase, caseId: string, problems: string[]): Promise<JsonFile[]> {
  const byContent = new Map<string, EvidenceFileRecord>();
  for (const file of await database.evidenceFiles.where('caseId').equals(caseId).toArray()) {
    // The same file imported twice is one file.
    if (file.sha256 && (file.kind === 'key-rotation' || file.kind === 'case-config')) byContent.set(`${file.kind}:${file.sha256}`, file);
  }
  const files = [...byContent.values()].sort((a, b) => a.path.localeCompare(b.path));
  const blobs = await database.evidenceBlobs.bulkGet(files.map((file) => file.id));
  const out: JsonFile[] = [];
  files.forEach((file, index) => {
    const bytes = blobs[index]?.bytes;
    if (!bytes) return;
    const text = withoutBom(new TextDecoder('utf-8').decode(bytes));
    const parsed = parseJsonWithLine(text);
    if (parsed.ok) out.push({ file, value: parsed.value, text });
    else problems.push(`${file.path}${parsed.line ? `:${parsed.line}` : ''}: not valid JSON (${parsed.message}); it was not used by the detectors.`);
  });
  return out;
}

function keyHistoryOf({ file, value, text }: JsonFile, problems: string[]): KeyHistoryEntry[] {
  const parsed = parseKeyRotation(value, text, file.path);
  problems.push(...parsed.problems.map((problem) => problem.message));
  return (parsed.keys ?? []).map((key) => {
    const line = lineOfText(text, `"${key.kid}"`);
    return { ...key, source: { file: file.path, sha256: file.sha256!, ...(line !== undefined ? { line } : {}) } };
  });
}

/** Reads the case's key history and configuration from the store. */
export async function loadCaseEvidence(database: TokentrailDatabase, caseId: string): Promise<CaseEvidence> {
  const problems: string[] = [];
  const importTimes = new Map((await database.imports.where('caseId').equals(caseId).toArray()).map((record) => [record.id, record.at]));
  const keyHistory: KeyHistoryEntry[] = [];
  let latest: { config: CaseConfig; detectors: unknown; file: EvidenceFileRecord; text: string; at: number } | undefined;
  for (const json of await readJsonFiles(database, caseId, problems)) {
    if (json.file.kind === 'key-rotation') {
      keyHistory.push(...keyHistoryOf(json, problems));
      continue;
    }
    const parsed = parseCaseConfig(json.value, json.text, json.file.path);
    problems.push(...parsed.problems.map((problem) => problem.message));
    const at = importTimes.get(json.file.importId) ?? 0;
    if (parsed.config && (!latest || at >= latest.at)) latest = { config: parsed.config, detectors: (json.value as { detectors?: unknown }).detectors, file: json.file, text: json.text, at };
  }
  let parameters: TimelineParameterOverrides = {};
  if (latest?.detectors !== undefined) {
    const checked = checkCaseParameters(latest.detectors);
    parameters = checked.parameters;
    for (const problem of checked.problems) {
      const line = lineOfText(latest.text, `"${problem.path.split('.').pop()}"`);
      problems.push(`${latest.file.path}${line ? `:${line}` : ''}: ${problem.message}`);
    }
  }
  return { caseConfig: latest?.config, keyHistory, parameters, problems };
}
