/** The engine's public surface for hosts (renderer, CLI, Electron main). */
export * from './evidence/types';
export * from './evidence/errors';
export { verifyBundle, type VerifyBundleOptions } from './evidence/verify-bundle';
export { createCustodyEntry, verifyCustodyChain, custodyFilesFromReport, CHAIN_START, type CustodyFields } from './evidence/custody';
export { parameterChanges, describeParameterChange, type ParameterSettings } from './evidence/parameter-changes';
export { sha256Hex, sha256HexOfText, createSha256 } from './evidence/sha256';
export { reverifyBytes } from './evidence/reverify';
export { parseManifest, MANIFEST_NAME } from './evidence/manifest';
export { parseCaseConfig, type CaseConfig } from './evidence/case-config';
export { parseKeyRotation, type KeyLifecycle } from './evidence/key-rotation';
export { classifyEvidence } from './evidence/classify';
export { extractTokens, type ExtractedToken, type TokenSighting } from './token/extract-tokens';
export { decodeCompact, type DecodedCompact } from './token/decode-compact';
export { canonicalJson } from './util/canonical-json';
export { TOOL_NAME, TOOL_VERSION } from './version';
export * from './sources';
export * from './geo';
export { parseUserAgent, type ParsedUserAgent } from './useragent/parse-user-agent';
