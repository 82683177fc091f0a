// One export from the app: the case's timeline filter (and, from the Findings view, the findings it shows) read from
// the store and turned into the rows of the chosen format.
import {
  annotatedEvents,
  annotatedFindings,
  exportFindings,
  exportTimeline,
  findingWriter,
  isTimelineFormat,
  timelineWriter,
  type AnnotationLookup,
  type ExportFormatName,
  type ExportStream,
} from '../../core/export';
import type { ExportScope } from './export-scope';
import { findingsInTimelineFilter, timelineExportPages } from './queries';

/** The export's rows through the format's writer; `index` names the OpenSearch index. */
export async function exportStreamFor(
  scope: ExportScope,
  format: ExportFormatName,
  options: { readonly index?: string; readonly annotations?: AnnotationLookup; readonly signal: AbortSignal },
): Promise<ExportStream> {
  if (isTimelineFormat(format))
    return exportTimeline(
      timelineWriter(format, { index: options.index }),
      annotatedEvents(timelineExportPages(scope.caseId, scope.timelineFilter, options.signal), options.annotations),
    );
  const findings = scope.findingView?.shown ?? (await findingsInTimelineFilter(scope.caseId, scope.timelineFilter));
  const rows = await annotatedFindings(
    findings.map((finding) => ({ finding })),
    options.annotations,
  );
  return exportFindings(findingWriter(format), rows);
}
