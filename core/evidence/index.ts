/** core/evidence: bundle manifests, SHA-256 hashing, zip and gzip reading, verdicts and the custody chain. */
export * from './types';
export * from './errors';
export {
  verifyBundle,
  checkBundle,
  MAX_WHOLE_FILE_BYTES,
  type VerifyBundleOptions,
  type BundleVerdict,
  type CheckedBundle,
  type PresentFile,
} from './verify-bundle';
export {
  createCustodyEntry,
  verifyCustodyChain,
  checkCustodyChain,
  custodyAnchorOf,
  headMatchesAnchor,
  custodyFilesFromReport,
  CHAIN_START,
  type CustodyAnchor,
  type CustodyChainCheck,
  type CustodyFields,
} from './custody';
export { parameterChanges, describeParameterChange, type ParameterSettings } from './parameter-changes';
export { sha256Hex, sha256HexOfText, createSha256, isSha256Hex, type Sha256Factory, type Sha256Stream } from './sha256';
export {
  reverifyBytes,
  compareFileHashes,
  HASH_SOURCE_NAMES,
  type HashSource,
  type FileHashes,
  type FileHashComparison,
} from './reverify';
export { gunzipInput, isGzip } from './gzip-input';
export { parseManifest, MANIFEST_NAME } from './manifest';
export { parseCaseConfig, type CaseConfig } from './case-config';
export { parseKeyRotation, type KeyLifecycle } from './key-rotation';
export { classifyEvidence } from './classify';
export { lineOfOffset, parseJsonWithLine } from './json-location';
export { readSequential, hashRandomAccess } from './read-input';
export { readZip } from './zip/read-zip';
