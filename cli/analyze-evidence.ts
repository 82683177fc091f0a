import { CASE_MATERIAL_KINDS, readCaseMaterial, type CaseFile, type CaseMaterial } from '../core/case';
import { classifyEvidence, verifyBundle, type BundleReport, type EvidenceProblem } from '../core';
import { nodePublicKeyDeriver } from './node-crypto-verifier';
import { bundleInputFromPath } from './node-inputs';

/** An evidence file to parse for events. */
export interface EventFile {
  readonly path: string;
  readonly sha256: string;
  readonly bytes: Uint8Array;
}

/** Everything `analyze` read from its targets: the bundles, their event files, and the case material in them. */
export interface AnalyzeEvidence extends Omit<CaseMaterial, 'problems'> {
  readonly reports: readonly BundleReport[];
  readonly eventFiles: readonly EventFile[];
  /** Evidence problems worth telling the investigator (manifest mismatches, invalid configuration…). */
  readonly problems: readonly EvidenceProblem[];
}

/**
 * Verify each target as a bundle (zip, folder or loose file), keep its event files, and read its keys, key history
 * and case configuration with core's readCaseMaterial. Each target counts as one import, in the order given: when
 * several bring a case configuration, the last target's is used and the others are reported.
 */
export async function readAnalyzeEvidence(targets: readonly string[]): Promise<AnalyzeEvidence> {
  const reports: BundleReport[] = [];
  const eventFiles: EventFile[] = [];
  const caseFiles: CaseFile[] = [];
  for (const [position, target] of targets.entries()) {
    const opened = await bundleInputFromPath(target);
    let report: BundleReport;
    try {
      report = await verifyBundle(opened.input);
    } finally {
      await opened.close();
    }
    reports.push(report);
    for (const content of report.contents) {
      const kind = report.files.find((file) => file.path === content.path)?.kind ?? classifyEvidence(content.path, content.bytes).kind;
      if (CASE_MATERIAL_KINDS.includes(kind)) caseFiles.push({ path: content.path, kind, sha256: content.sha256, bytes: content.bytes, importedAt: position });
      else eventFiles.push({ path: content.path, sha256: content.sha256, bytes: content.bytes });
    }
  }
  const material = await readCaseMaterial(caseFiles, { derivePublic: nodePublicKeyDeriver });
  return { reports, eventFiles, ...material, problems: [...reports.flatMap((report) => report.problems), ...material.problems] };
}
