// The key material of a case as the token analysis needs it: every stored key file (JWKS, PEM, certificates,
// secrets), the issuer's key-rotation history and the case configuration, read by core's readCaseMaterial (as the
// case analysis and the CLI read them). Its fingerprint tells the analysis which tokens were judged with older
// material and must be judged again.
import { sha256HexOfText, TOOL_VERSION, type CaseConfig } from '../../core';
import { CASE_MATERIAL_KINDS } from '../../core/case';
import { PARAMETER_PROBLEM_CODES } from '../../core/timeline';
import {
  createKeyring,
  privateKeyResolver,
  type JweKeyResolver,
  type Keyring,
  type PublicKeyDeriver,
} from '../../core/token';
import { loadCaseMaterial } from '../timeline-analysis/case-evidence';
import type { TokentrailDatabase } from '../db/schema';

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

const PARAMETER_PROBLEMS: readonly string[] = PARAMETER_PROBLEM_CODES;

/** Reads the case's key material from the store. */
export async function loadCaseKeyMaterial(
  database: TokentrailDatabase,
  caseId: string,
  derivePublic?: PublicKeyDeriver,
): Promise<CaseKeyMaterial> {
  const material = await loadCaseMaterial(database, caseId, CASE_MATERIAL_KINDS, { derivePublic });
  const keyring = createKeyring(material.keys, material.keyHistory);
  // Detector parameters do not change how a token is judged: the case analysis reports their problems.
  const problems = [
    ...material.problems.filter((problem) => !PARAMETER_PROBLEMS.includes(problem.code)),
    ...keyring.problems,
  ].map((problem) => problem.message);
  const fingerprint = sha256HexOfText(
    [`engine ${TOOL_VERSION}`, ...material.files.map((file) => `${file.kind}:${file.sha256}`)].join('\n'),
  );
  return {
    keyring,
    jweKeys: privateKeyResolver(material.privateKeySources),
    caseConfig: material.caseConfig,
    fingerprint,
    problems,
  };
}
