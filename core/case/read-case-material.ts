import { parseCaseConfig, type CaseConfig } from '../evidence/case-config';
import { lineOfText, parseJsonWithLine, withoutBom } from '../evidence/json-location';
import { parseKeyRotation } from '../evidence/key-rotation';
import { KEY_KINDS, type EvidenceProblem } from '../evidence/types';
import type { PrivateKeySource } from '../token/jwe/private-keys';
import type { LoadedKeys } from '../token/keyring/key-types';
import { loadKeyFile, type PublicKeyDeriver } from '../token/keyring/load-keys';
import { checkCaseParameters } from '../timeline/parameter-defaults';
import type { ParameterProblem } from '../timeline/parameters';
import type { KeyHistoryEntry, TimelineParameterOverrides } from '../timeline/types';
import { caseMaterialFiles, type CaseFile } from './case-files';

/** Stable codes of {@link CaseMaterialProblem}s (docs/bundle-format.md, "How a case's material is read"). */
export type CaseMaterialProblemCode =
  'json-invalid' | 'key-rotation-invalid' | 'case-config-invalid' | 'case-config-ignored' | ParameterProblem['code'];

/** Something in a case's material that could not be used, with the file and line to go and fix. */
export interface CaseMaterialProblem extends EvidenceProblem {
  readonly code: CaseMaterialProblemCode;
  /** 1-based column, for `json-invalid` when the JSON parser says where. */
  readonly column?: number;
  /** For `json-invalid`: the JSON parser's own words, e.g. `Unexpected token 'o'`. */
  readonly reason?: string;
  /** A sentence naming the file (and its line when known), ready to show on its own. */
  readonly message: string;
}

/** The keys of one key file; its `problems` reach the keyring built from it (core/token createKeyring). */
export interface CaseKeyFile extends LoadedKeys {
  readonly file: string;
}

/** Everything a case's material says, read by {@link readCaseMaterial}. */
export interface CaseMaterial {
  /** The distinct material files read, in the order they were read (import order, then path). */
  readonly files: readonly CaseFile[];
  /** The keys of every key file, one entry per file: what `createKeyring(keys, keyHistory)` takes. */
  readonly keys: readonly CaseKeyFile[];
  /** The text of every key file that may hold a private key, for JWE decryption (core/token privateKeyResolver). */
  readonly privateKeySources: readonly PrivateKeySource[];
  /** The issuer's key-rotation records, each pointing at the file and line it is written at. */
  readonly keyHistory: readonly KeyHistoryEntry[];
  /** The case configuration that speaks for the case (the most recently imported valid one). */
  readonly caseConfig?: CaseConfig;
  /** The path of the file {@link CaseMaterial.caseConfig} was read from. */
  readonly caseConfigFile?: string;
  /** The valid part of the chosen case configuration's `detectors` member. */
  readonly parameters: TimelineParameterOverrides;
  /** What could not be used (invalid JSON, invalid records, ignored configurations, wrong parameters). */
  readonly problems: readonly CaseMaterialProblem[];
}

/** What a host brings to {@link readCaseMaterial}. */
export interface ReadCaseMaterialOptions {
  /** Derives the public part of private keys that do not carry it (see core/token loadKeyFile). */
  readonly derivePublic?: PublicKeyDeriver;
}

interface JsonFile {
  readonly file: CaseFile;
  readonly value: unknown;
  readonly text: string;
}

interface ReadConfig extends JsonFile {
  readonly config: CaseConfig;
}

/**
 * Read a case's material — key files, key-rotation histories and case configurations — from its files, the same way
 * in every host (the CLI from the bundles it was given, the app from its store).
 *
 * - Files of other kinds (events) are skipped, so a host may pass all of a case's files.
 * - Files are read in import order, and by path within one import; the same content (kind and SHA-256) imported
 *   twice is read once, at its latest import.
 * - JSON is read with the line and column of a syntax error; a file that is not valid JSON is not used.
 * - **Which case configuration wins:** the most recently imported valid one (of one import: the last in path order),
 *   as an investigator who imports a corrected configuration expects. Every other valid one is reported as a
 *   `case-config-ignored` problem naming its file and the winner. Only the winner's `detectors` are read.
 * - Problems in the key files themselves stay with each {@link CaseKeyFile}, and so with the keyring built from them.
 */
export async function readCaseMaterial(
  files: readonly CaseFile[],
  options: ReadCaseMaterialOptions = {},
): Promise<CaseMaterial> {
  const read = caseMaterialFiles(files);
  const problems: CaseMaterialProblem[] = [];
  const keys: CaseKeyFile[] = [];
  const privateKeySources: PrivateKeySource[] = [];
  const keyHistory: KeyHistoryEntry[] = [];
  const configs: ReadConfig[] = [];
  for (const file of read) {
    if (KEY_KINDS.includes(file.kind)) {
      const loaded = await loadKeyFile(file.bytes, file.path, { derivePublic: options.derivePublic });
      keys.push({ file: file.path, keys: loaded.keys, certificates: loaded.certificates, problems: loaded.problems });
      // A raw HMAC secret is never a private key; any other key file may hold the key a JWE was encrypted to.
      if (file.kind !== 'secret')
        privateKeySources.push({ file: file.path, text: new TextDecoder('utf-8').decode(file.bytes) });
      continue;
    }
    const json = readJson(file, problems);
    if (!json) continue;
    if (file.kind === 'key-rotation') keyHistory.push(...keyHistoryOf(json, problems));
    else {
      const parsed = parseCaseConfig(json.value, json.text, file.path);
      problems.push(...(parsed.problems as CaseMaterialProblem[]));
      if (parsed.config) configs.push({ ...json, config: parsed.config });
    }
  }
  const chosen = chooseCaseConfig(configs, problems);
  const parameters = chosen ? detectorParameters(chosen, problems) : {};
  return {
    files: read,
    keys,
    privateKeySources,
    keyHistory,
    caseConfig: chosen?.config,
    caseConfigFile: chosen?.file.path,
    parameters,
    problems,
  };
}

function readJson(file: CaseFile, problems: CaseMaterialProblem[]): JsonFile | undefined {
  const text = withoutBom(new TextDecoder('utf-8').decode(file.bytes));
  const parsed = parseJsonWithLine(text);
  if (parsed.ok) return { file, value: parsed.value, text };
  const place = parsed.line !== undefined ? `${file.path}:${parsed.line}:${parsed.column}` : file.path;
  problems.push({
    code: 'json-invalid',
    file: file.path,
    line: parsed.line,
    column: parsed.column,
    reason: parsed.message,
    message: `${place}: not valid JSON (${parsed.message}); it was not used.`,
  });
  return undefined;
}

function keyHistoryOf({ file, value, text }: JsonFile, problems: CaseMaterialProblem[]): KeyHistoryEntry[] {
  const parsed = parseKeyRotation(value, text, file.path);
  problems.push(...(parsed.problems as CaseMaterialProblem[]));
  return (parsed.keys ?? []).map((key) => {
    const line = lineOfText(text, `"${key.kid}"`);
    return { ...key, source: { file: file.path, sha256: file.sha256, ...(line !== undefined ? { line } : {}) } };
  });
}

/** The last configuration read wins (see readCaseMaterial); the others are reported, each naming the winner. */
function chooseCaseConfig(configs: readonly ReadConfig[], problems: CaseMaterialProblem[]): ReadConfig | undefined {
  const winner = configs.at(-1);
  if (!winner) return undefined;
  for (const { file } of configs.slice(0, -1)) {
    const why =
      winner.file.importedAt > file.importedAt ? 'imported later' : 'imported with it and later in path order';
    problems.push({
      code: 'case-config-ignored',
      file: file.path,
      line: 1,
      message: `${file.path}: this case configuration is not used: ${winner.file.path}, ${why}, is. Only the most recently imported case configuration applies; copy into it what still holds.`,
    });
  }
  return winner;
}

function detectorParameters(
  { file, value, text }: ReadConfig,
  problems: CaseMaterialProblem[],
): TimelineParameterOverrides {
  const detectors = (value as { detectors?: unknown }).detectors;
  if (detectors === undefined) return {};
  const checked = checkCaseParameters(detectors);
  for (const problem of checked.problems) {
    // The line of the offending member's name: the last segment of its path (`detectors.replay.windowSeconds`).
    const line = lineOfText(text, `"${problem.path.split('.').pop()}"`);
    problems.push({
      code: problem.code,
      file: file.path,
      line,
      message: `${file.path}${line !== undefined ? `:${line}` : ''}: ${problem.message}`,
    });
  }
  return checked.parameters;
}
