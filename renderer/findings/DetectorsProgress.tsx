// A one-line view of the detectors' run where the inputs change (the Sources panel): after a Parse again the
// detectors run again by themselves, and the investigator sees them doing so without opening the Findings tab.
import { plural } from '../shell/format';
import { useCaseAnalysisJob } from './use-case-analysis';

export function DetectorsProgress({ caseId }: { readonly caseId: string }) {
  const job = useCaseAnalysisJob(caseId);
  if (job?.status === 'running') {
    return (
      <p className="progress-line muted small" data-testid="detectors-progress" data-status="running" role="status">
        <span>Running the detectors again over the parsed events: {job.progress?.phase ?? 'starting'}…</span>
        <progress max={job.progress?.total || 1} value={job.progress?.done ?? 0} aria-label="Detectors progress" />
      </p>
    );
  }
  if (job?.status === 'complete' && job.summary) {
    return (
      <p className="muted small" data-testid="detectors-progress" data-status="complete" role="status">
        The detectors ran over the parsed events: {plural(job.summary.findings, 'finding')}.
      </p>
    );
  }
  return null;
}
