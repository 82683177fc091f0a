// The overview's reads of the window's store: the last case analysis, its findings, the time span, and every
// evidence file's verdict, read together so the page shows one consistent state.
import { db } from '../db/schema';
import { storedAnalysis, storedFindings } from '../timeline-analysis/queries';
import { timelineExtent } from '../timeline/queries';

export async function caseOverview(caseId: string) {
  const [analysis, findings, extent, files] = await Promise.all([
    storedAnalysis(caseId),
    storedFindings(caseId),
    timelineExtent(caseId),
    db.evidenceFiles.where('caseId').equals(caseId).toArray(),
  ]);
  return { analysis, findings, extent, verdicts: files.map((file) => file.verdict) };
}
