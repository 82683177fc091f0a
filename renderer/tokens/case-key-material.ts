// The key material of a case as the token analysis needs it: every stored key file (JWKS, PEM, certificates,
// secrets) through core's loader, the issuer's key-rotation history and the case configuration. Its fingerprint
// tells the analysis which tokens were judged with older material and must be judged again.
import { parseCaseConfig, type CaseConfig } from '../../core/evidence/case-config';
import { parseJsonWithLine, withoutBom } from '../../core/evidence/json-location';
import { parseKeyRotation, type KeyLifecycle } from '../../core/evidence/key-rotation';
import { sha256HexOfText } from '../../core/evidence/sha256';
import type { EvidenceKind } from '../../core/evidence/types';
import { createKeyring, loadKeyFile, privateKeyResolver, type JweKeyResolver, type Keyring, type LoadedKeys, type PrivateKeySource, type PublicKeyDeriver } from '../../core/token';
import { TOOL_VERSION } from '../../core/version';
import type { EvidenceFileRecord } from '../db/records';
import type { TokentrailDatabase } from '../db/schema';

const KEY_KINDS: ReadonlySet<EvidenceKind> = new Set(['jwks', 'pem', 'certificate', 'secret']);
const MATERIAL_KINDS: ReadonlySet<EvidenceKind> = new Set([...KEY_KINDS, 'key-rotation', 'case-config']);

export interface CaseKeyMaterial {
  readonly keyring: Keyring;
  /** The private keys of the key files, offered to JWEs whose algorithm decrypts with one (RSA-OAEP, ECDH-ES). */
  readonly jweKeys: JweKeyResolver;
  readonly caseConfig?: CaseConfig;
  /** Changes whenever a key file, the rotation history, the case configuration or the engine changes. */
  readonly fingerprint: string;
  /** What could not be used, each naming its file, for the investigator to fix. */
  readonly problems: readonly string[];
}

function readJson(file: EvidenceFileRecord, bytes: Uint8Array, problems: string[]): { value: unknown; text: string } | undefined {
  const text = withoutBom(new TextDecoder('utf-8').decode(bytes));
  const parsed = parseJsonWithLine(text);
  if (parsed.ok) return { value: parsed.value, text };
  problems.push(`${file.path}${parsed.line ? `:${parsed.line}` : ''}: not valid JSON (${parsed.message}); it was not used.`);
  return undefined;
}

/** The same file imported twice (same kind and bytes) is one file; order by path so the keyring is stable. */
function distinctFiles(files: readonly EvidenceFileRecord[]): EvidenceFileRecord[] {
  const byContent = new Map<string, EvidenceFileRecord>();
  for (const file of files) if (file.sha256 && MATERIAL_KINDS.has(file.kind)) byContent.set(`${file.kind}:${file.sha256}`, file);
  return [...byContent.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/** Reads the case's key material from the store. */
export async function loadCaseKeyMaterial(database: TokentrailDatabase, caseId: string, derivePublic?: PublicKeyDeriver): Promise<CaseKeyMaterial> {
  const files = distinctFiles(await database.evidenceFiles.where('caseId').equals(caseId).toArray());
  const blobs = await database.evidenceBlobs.bulkGet(files.map((file) => file.id));
  // When several imports brought a case configuration, the latest import's speaks for the case.
  const importTimes = new Map((await database.imports.where('caseId').equals(caseId).toArray()).map((record) => [record.id, record.at]));
  const problems: string[] = [];
  const loaded: LoadedKeys[] = [];
  const lifecycles: KeyLifecycle[] = [];
  const privateSources: PrivateKeySource[] = [];
  let caseConfig: { config: CaseConfig; at: number } | undefined;
  for (const [index, file] of files.entries()) {
    const bytes = blobs[index]?.bytes;
    if (!bytes) continue;
    if (KEY_KINDS.has(file.kind)) {
      loaded.push(await loadKeyFile(bytes, file.path, { derivePublic }));
      if (file.kind !== 'secret') privateSources.push({ file: file.path, text: new TextDecoder('utf-8').decode(bytes) });
      continue;
    }
    const json = readJson(file, bytes, problems);
    if (!json) continue;
    if (file.kind === 'key-rotation') {
      const parsed = parseKeyRotation(json.value, json.text, file.path);
      problems.push(...parsed.problems.map((problem) => problem.message));
      lifecycles.push(...(parsed.keys ?? []));
    } else {
      const parsed = parseCaseConfig(json.value, json.text, file.path);
      problems.push(...parsed.problems.map((problem) => problem.message));
      const at = importTimes.get(file.importId) ?? 0;
      if (parsed.config && (!caseConfig || at >= caseConfig.at)) caseConfig = { config: parsed.config, at };
    }
  }
  const keyring = createKeyring(loaded, lifecycles);
  problems.push(...keyring.problems.map((problem) => problem.message));
  const fingerprint = sha256HexOfText([`engine ${TOOL_VERSION}`, ...files.map((file) => `${file.kind}:${file.sha256}`)].join('\n'));
  return { keyring, jweKeys: privateKeyResolver(privateSources), caseConfig: caseConfig?.config, fingerprint, problems };
}
