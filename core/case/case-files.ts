import { KEY_KINDS, type EvidenceKind } from '../evidence/types';

/** The kinds that are a case's material (keys, key-rotation history, configuration) rather than its events. */
export const CASE_MATERIAL_KINDS: readonly EvidenceKind[] = [...KEY_KINDS, 'key-rotation', 'case-config'];

/** One evidence file of a case, as a host hands it to {@link readCaseMaterial}. */
export interface CaseFile {
  /** The file's path in its bundle; every problem and key source names it. */
  readonly path: string;
  readonly kind: EvidenceKind;
  /** Lower-case hex SHA-256 of `bytes`: the same content imported twice is one file. */
  readonly sha256: string;
  readonly bytes: Uint8Array;
  /**
   * When the file's import happened: UTC epoch milliseconds, or any number that grows with each import (the CLI
   * gives the position of its bundle on the command line). Only its order matters.
   */
  readonly importedAt: number;
}

const byImportThenPath = (a: CaseFile, b: CaseFile): number =>
  a.importedAt - b.importedAt || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * The case's material files in the order they are read: import order, and path order (code units, the same in
 * every locale) within one import. A content imported twice (same kind and SHA-256) is one file, at its latest import.
 */
export function caseMaterialFiles(files: readonly CaseFile[]): CaseFile[] {
  const byContent = new Map<string, CaseFile>();
  for (const file of [...files].sort(byImportThenPath)) {
    if (!CASE_MATERIAL_KINDS.includes(file.kind)) continue;
    const content = `${file.kind}:${file.sha256}`;
    // Deleted first so that the kept copy takes the place of its latest import in the Map's order.
    byContent.delete(content);
    byContent.set(content, file);
  }
  return [...byContent.values()];
}
