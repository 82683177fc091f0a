// What the timeline needs from a case's evidence besides its events: the issuer's key-rotation history (with the
// file and line of each key's record, so a retired-key finding can point at it) and the case configuration with
// its `detectors` parameters. Read by core's readCaseMaterial, as the token analysis and the CLI read them: the most
// recently imported case configuration speaks for the case, and the others are reported.
import type { CaseConfig, EvidenceKind } from '../../core';
import { readCaseMaterial, type CaseFile, type CaseMaterial, type ReadCaseMaterialOptions } from '../../core/case';
import type { KeyHistoryEntry, TimelineParameterOverrides } from '../../core/timeline';
import type { TokentrailDatabase } from '../db/schema';

export interface CaseEvidence {
  readonly caseConfig?: CaseConfig;
  readonly keyHistory: readonly KeyHistoryEntry[];
  /** The case-config's `detectors` member, checked. */
  readonly parameters: TimelineParameterOverrides;
  readonly problems: readonly string[];
}

/**
 * Reads the case's stored files of these kinds (only their bytes are loaded), each with the time of the import it
 * came with, through core's readCaseMaterial.
 */
export async function loadCaseMaterial(
  database: TokentrailDatabase,
  caseId: string,
  kinds: readonly EvidenceKind[],
  options?: ReadCaseMaterialOptions,
): Promise<CaseMaterial> {
  const records = (await database.evidenceFiles.where('caseId').equals(caseId).toArray()).filter(
    // A discarded file's keys and configuration leave the analysis with its events (evidence/discard-evidence.ts).
    (file) => file.sha256 && kinds.includes(file.kind) && !file.discarded,
  );
  const blobs = await database.evidenceBlobs.bulkGet(records.map((file) => file.id));
  const importTimes = new Map(
    (await database.imports.where('caseId').equals(caseId).toArray()).map((record) => [record.id, record.at]),
  );
  const files: CaseFile[] = [];
  records.forEach((file, index) => {
    const bytes = blobs[index]?.bytes;
    if (bytes && file.sha256)
      files.push({
        path: file.path,
        kind: file.kind,
        sha256: file.sha256,
        bytes,
        importedAt: importTimes.get(file.importId) ?? 0,
      });
  });
  return readCaseMaterial(files, options);
}

/** Reads the case's key history and configuration from the store. */
export async function loadCaseEvidence(database: TokentrailDatabase, caseId: string): Promise<CaseEvidence> {
  const material = await loadCaseMaterial(database, caseId, ['key-rotation', 'case-config']);
  return {
    caseConfig: material.caseConfig,
    keyHistory: material.keyHistory,
    parameters: material.parameters,
    problems: material.problems.map((problem) => problem.message),
  };
}
