// The seam between what `tokentrail export` is given and the rows it writes. An input is evidence (bundles, folders,
// loose files) run through the pipeline of `analyze`, or one case archive (core/archive), verified and then read for
// its stored events, findings and the investigator's annotations (cli/archive-export-input.ts, docs/exports.md).
import type { GeoLocator } from '../core';
import { readAnalyzeEvidence } from './analyze-evidence';
import { printProblems } from './analyze-output';
import { runPipeline } from './analyze-pipeline';
import { archiveExportInput } from './archive-export-input';
import { isCaseArchiveTarget, readArchivedCase } from './case-archive-read';
import { CliError } from './cli-error';
import { eventIds, inTimeOrder, type ExportInput } from './export-events';
import type { Output } from './output';

export { recordId, type ExportInput } from './export-events';

/** Whether some of `targets` are case archives; a case archive is read on its own, never with other inputs. */
async function archiveTarget(targets: readonly string[]): Promise<string | undefined> {
  const archives: string[] = [];
  for (const target of targets) if (await isCaseArchiveTarget(target)) archives.push(target);
  if (archives.length === 0) return undefined;
  if (targets.length > 1)
    throw new CliError('wrong-input-count', 'a case archive is read on its own: give one archive, or evidence only');
  return archives[0];
}

/**
 * Read `targets`: one case archive (verified first, then its stored rows and annotations; refused whole with the
 * reason), or evidence the way `analyze` reads it (verify, ingest, analyse tokens, correlate, detect), and return
 * the events and findings. Evidence problems are printed on `out.stderr` as analyze prints them; an unreadable or
 * refused input throws an EvidenceError naming it. `geo` applies to evidence only: an archive's events were placed
 * when they were stored, and are exported as they are.
 */
export async function readExportInput(
  targets: readonly string[],
  geo: GeoLocator | undefined,
  out: Output,
): Promise<ExportInput> {
  const archive = await archiveTarget(targets);
  if (archive !== undefined) return archiveExportInput(await readArchivedCase(archive));
  const evidence = await readAnalyzeEvidence(targets);
  try {
    const result = await runPipeline(evidence, geo);
    printProblems(evidence, result, out);
    return {
      events: inTimeOrder(result.events, eventIds(result.events.map((event) => event.source))),
      findings: result.timeline.findings,
      identities: result.timeline.identities,
      close: () => evidence.close(),
    };
  } catch (error) {
    await evidence.close();
    throw error;
  }
}
