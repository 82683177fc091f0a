// The analysis worker: token analysis and wordlist searches run here, off the page's thread, so the UI stays
// responsive while thousands of signatures are verified or millions of secrets tried. The page runs two of
// these (one per job kind) so a long wordlist search never holds up the analysis of a new import. Results are
// written to the same Dexie database the page reads; the page's live queries see each committed batch.
import type { SubtleLike } from '../../core/token';
import { TokentrailDatabase } from '../db/schema';
import { serveJobs } from '../jobs/serve-jobs';
import type {
  AnalysisJob,
  AnalyzeProgress,
  AnalyzeSummary,
  WordlistProgress,
  WordlistSummary,
} from './token-analysis-protocol';
import { analyzeCaseTokens } from './analyze-case-tokens';
import { searchWordlist } from './wordlist-job';

const database = new TokentrailDatabase();
// The DOM typing of exportKey returns JsonWebKey, which lacks the index signature of core's structural type; the
// object it returns at run time is exactly the plain record core reads.
const subtle = crypto.subtle as unknown as SubtleLike;

serveJobs<AnalysisJob, AnalyzeProgress | WordlistProgress, AnalyzeSummary | WordlistSummary>(
  (job, { signal, onProgress }) =>
    job.type === 'analyze'
      ? analyzeCaseTokens(database, job.caseId, { scope: job.scope, signal, subtle, onProgress })
      : searchWordlist(database, job.caseId, job.file, { signal, onProgress }),
);
