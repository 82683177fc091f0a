import { checkParameterOverrides, COMMON_DEFAULTS, TIMELINE_DETECTORS, type KeyHistoryEntry, type ParameterProblem, type TimelineParameterOverrides } from '../core/timeline';
import { classifyEvidence, parseCaseConfig, parseKeyRotation, verifyBundle, type BundleReport, type CaseConfig, type EvidenceFileContent, type EvidenceKind, type EvidenceProblem } from '../core';
import { lineOfText } from '../core/evidence/json-location';
import { loadKeyFile, type LoadedKeys } from '../core/token';
import { nodePublicKeyDeriver } from './node-crypto-verifier';
import { bundleInputFromPath } from './node-inputs';

/** An evidence file to parse for events. */
export interface EventFile {
  readonly path: string;
  readonly sha256: string;
  readonly bytes: Uint8Array;
}

/** Everything `analyze` read from its targets, sorted by what it is for. */
export interface AnalyzeEvidence {
  readonly reports: readonly BundleReport[];
  readonly eventFiles: readonly EventFile[];
  readonly keys: readonly LoadedKeys[];
  readonly keyHistory: readonly KeyHistoryEntry[];
  readonly caseConfig?: CaseConfig;
  readonly parameters: TimelineParameterOverrides;
  /** Evidence problems worth telling the investigator (manifest mismatches, invalid configuration…). */
  readonly problems: readonly (EvidenceProblem | (ParameterProblem & { file: string }))[];
}

const KEY_KINDS: readonly EvidenceKind[] = ['jwks', 'pem', 'certificate', 'secret'];

/** Verify each target as a bundle (zip, folder or loose file) and sort its files into events, keys and configuration. */
export async function readAnalyzeEvidence(targets: readonly string[]): Promise<AnalyzeEvidence> {
  const reports: BundleReport[] = [];
  const eventFiles: EventFile[] = [];
  const keys: LoadedKeys[] = [];
  const keyHistory: KeyHistoryEntry[] = [];
  const problems: AnalyzeEvidence['problems'][number][] = [];
  let caseConfig: CaseConfig | undefined;
  let parameters: TimelineParameterOverrides = {};
  for (const target of targets) {
    const opened = await bundleInputFromPath(target);
    let report: BundleReport;
    try {
      report = await verifyBundle(opened.input);
    } finally {
      await opened.close();
    }
    reports.push(report);
    problems.push(...report.problems);
    for (const content of report.contents) {
      const kind = report.files.find((file) => file.path === content.path)?.kind ?? classifyEvidence(content.path, content.bytes).kind;
      if (KEY_KINDS.includes(kind)) keys.push(await loadKeyFile(content.bytes, content.path, { derivePublic: nodePublicKeyDeriver }));
      else if (kind === 'key-rotation') keyHistory.push(...readKeyHistory(content, problems));
      else if (kind === 'case-config') {
        const read = readCaseConfig(content, problems);
        if (read && caseConfig) problems.push({ code: 'case-config-duplicate', file: content.path, message: `${content.path}: a case configuration was already read; this one is ignored.` });
        else if (read) ({ caseConfig, parameters } = read);
      } else eventFiles.push({ path: content.path, sha256: content.sha256, bytes: content.bytes });
    }
  }
  return { reports, eventFiles, keys, keyHistory, caseConfig, parameters, problems };
}

function parseJson(content: EvidenceFileContent, problems: EvidenceProblem[]): { value: unknown; text: string } | undefined {
  const text = new TextDecoder('utf-8').decode(content.bytes);
  try {
    return { value: JSON.parse(text), text };
  } catch (error) {
    problems.push({ code: 'json-invalid', file: content.path, message: `${content.path}: not valid JSON (${(error as Error).message}); it is ignored.` });
    return undefined;
  }
}

function readKeyHistory(content: EvidenceFileContent, problems: EvidenceProblem[]): KeyHistoryEntry[] {
  const json = parseJson(content, problems);
  if (!json) return [];
  const parsed = parseKeyRotation(json.value, json.text, content.path);
  problems.push(...parsed.problems);
  return (parsed.keys ?? []).map((key) => ({ ...key, source: { file: content.path, sha256: content.sha256, ...lineOf(json.text, `"${key.kid}"`) } }));
}

function lineOf(text: string, needle: string): { line?: number } {
  const line = lineOfText(text, needle);
  return line !== undefined ? { line } : {};
}

function readCaseConfig(content: EvidenceFileContent, problems: AnalyzeEvidence['problems'][number][]): { caseConfig: CaseConfig; parameters: TimelineParameterOverrides } | undefined {
  const json = parseJson(content, problems as EvidenceProblem[]);
  if (!json) return undefined;
  const parsed = parseCaseConfig(json.value, json.text, content.path);
  problems.push(...parsed.problems);
  if (!parsed.config) return undefined;
  const raw = (json.value as { detectors?: unknown }).detectors;
  if (raw === undefined) return { caseConfig: parsed.config, parameters: {} };
  const defaults = new Map<string, object>([['common', COMMON_DEFAULTS], ...TIMELINE_DETECTORS.map((detector) => [detector.id, detector.defaults] as [string, object])]);
  const checked = checkParameterOverrides(raw, defaults);
  problems.push(...checked.problems.map((problem) => ({ ...problem, file: content.path, line: lineOfText(json.text, `"${problem.path.split('.').pop()}"`) })));
  return { caseConfig: parsed.config, parameters: checked.parameters };
}
