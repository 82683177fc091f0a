import { CASE_MATERIAL_KINDS, readCaseMaterial, type CaseFile, type CaseMaterial } from '../core/case';
import {
  checkBundle,
  readSequential,
  type BundleVerdict,
  type EvidenceProblem,
  type PresentFile,
  type SequentialInput,
} from '../core';
import { nodePublicKeyDeriver } from './node-crypto-verifier';
import { bundleInputFromPath } from './node-inputs';

/** An evidence file to parse for events, streamed from its bundle when it is parsed (never held whole). */
export interface EventFile {
  readonly path: string;
  readonly sha256: string;
  open(): SequentialInput;
}

/** Everything `analyze` read from its targets: the bundles, their event files, and the case material in them. */
export interface AnalyzeEvidence extends Omit<CaseMaterial, 'problems'> {
  readonly reports: readonly BundleVerdict[];
  /** Every file present in each bundle (same order as `reports`), to be streamed again (`case export`). */
  readonly presentFiles: readonly (readonly PresentFile[])[];
  readonly eventFiles: readonly EventFile[];
  /** Evidence problems worth telling the investigator (manifest mismatches, invalid configuration…). */
  readonly problems: readonly EvidenceProblem[];
  /** Close the bundles the event files stream from; call once the pipeline has read them. */
  close(): Promise<void>;
}

/** A problem's identity: the same code, file, line and message is the same problem. */
function problemKey(problem: EvidenceProblem): string {
  return JSON.stringify([problem.code, problem.file, problem.line ?? null, problem.message]);
}

/**
 * The bundle checks already validate case-config and key-rotation files, and reading the case material validates them
 * again: keep each problem the checks reported once, counting repeats so that two bundles with the same flaw still
 * show it twice.
 */
function withoutRepeats(checked: readonly EvidenceProblem[], material: readonly EvidenceProblem[]): EvidenceProblem[] {
  const pending = new Map<string, number>();
  for (const problem of checked) pending.set(problemKey(problem), (pending.get(problemKey(problem)) ?? 0) + 1);
  const fresh = material.filter((problem) => {
    const left = pending.get(problemKey(problem)) ?? 0;
    if (left === 0) return true;
    pending.set(problemKey(problem), left - 1);
    return false;
  });
  return [...checked, ...fresh];
}

/**
 * Verify each target as a bundle (zip, folder or loose file) by streaming and hashing its files, keep its event
 * files to be streamed again by the pipeline, and read its keys, key history and case configuration (small files,
 * read whole) with core's readCaseMaterial. Each target counts as one import, in the order given: when several
 * bring a case configuration, the last target's is used and the others are reported.
 */
export async function readAnalyzeEvidence(targets: readonly string[]): Promise<AnalyzeEvidence> {
  const reports: BundleVerdict[] = [];
  const presentFiles: (readonly PresentFile[])[] = [];
  const eventFiles: EventFile[] = [];
  const caseFiles: CaseFile[] = [];
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const closeOne of closers.splice(0)) await closeOne();
  };
  try {
    for (const [position, target] of targets.entries()) {
      const opened = await bundleInputFromPath(target);
      closers.push(() => opened.close());
      const { present, ...report } = await checkBundle(opened.input);
      reports.push(report);
      presentFiles.push(present);
      for (const file of present) {
        if (CASE_MATERIAL_KINDS.includes(file.kind))
          caseFiles.push({
            path: file.path,
            kind: file.kind,
            sha256: file.sha256,
            bytes: (await readSequential(file.open(), {}, () => {})).bytes,
            importedAt: position,
          });
        else eventFiles.push({ path: file.path, sha256: file.sha256, open: () => file.open() });
      }
    }
    const material = await readCaseMaterial(caseFiles, { derivePublic: nodePublicKeyDeriver });
    return {
      reports,
      presentFiles,
      eventFiles,
      ...material,
      problems: withoutRepeats(
        reports.flatMap((report) => report.problems),
        material.problems,
      ),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
