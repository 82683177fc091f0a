/**
 * # Tokentrail case material (core/case)
 *
 * What a case's evidence says besides its events — its keys, the issuer's key-rotation history, its case
 * configuration and the detector parameters in it — read once, the same way by every host.
 *
 * ```ts
 * const material = await readCaseMaterial(files, { derivePublic });   // files: { path, kind, sha256, bytes, importedAt }
 * const keyring = createKeyring(material.keys, material.keyHistory);  // core/token
 * // material.caseConfig, material.parameters → core/timeline; material.problems → the investigator
 * ```
 */
export { CASE_MATERIAL_KINDS, type CaseFile } from './case-files';
export {
  readCaseMaterial,
  type CaseMaterial,
  type CaseKeyFile,
  type CaseMaterialProblem,
  type CaseMaterialProblemCode,
  type ReadCaseMaterialOptions,
} from './read-case-material';
