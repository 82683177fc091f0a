// What one export from the app covers, how its file is named, and how the journal describes it. Pure: the rows are
// read in export-plan.ts.
import { canonicalJson } from '../../core';
import { EXPORT_FORMAT_INFO, isTimelineFormat, type ExportFormatName } from '../../core/export';
import type { StoredFinding } from '../db/case-analysis-records';
import type { FindingFilter } from '../findings/finding-filter';
import type { TimelineFilter } from '../timeline/timeline-filter';

/** What the view exporting sees. */
export interface ExportScope {
  readonly caseId: string;
  readonly caseTitle: string;
  /** The case's timeline filter: the events exported, and the findings kept (one of their events passes it). */
  readonly timelineFilter: TimelineFilter;
  /** The Findings view's own filter and the findings it shows; absent from the Timeline. */
  readonly findingView?: { readonly filter: FindingFilter; readonly shown: readonly StoredFinding[] };
}

/** `tokentrail-<case>-<format>-<UTC time>.<ext>`: the case title reduced to safe file-name characters. */
export function exportFileName(caseTitle: string, format: ExportFormatName, at: number): string {
  const slug =
    caseTitle
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'case';
  const stamp = new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  return `tokentrail-${slug}-${format}-${stamp}${EXPORT_FORMAT_INFO[format].extension}`;
}

/** The journal's detail of a saved export: format, rows, and the filters exactly (times in ISO 8601 UTC). */
export function exportDetail(scope: ExportScope, format: ExportFormatName, written: number, leftOut: number): string {
  const { from, to, ...rest } = scope.timelineFilter;
  const timeline = {
    ...rest,
    ...(from !== undefined ? { from: new Date(from).toISOString() } : {}),
    ...(to !== undefined ? { to: new Date(to).toISOString() } : {}),
  };
  const findings = !isTimelineFormat(format) && scope.findingView ? { findingFilter: scope.findingView.filter } : {};
  const rows = `${written} ${isTimelineFormat(format) ? 'event' : 'finding'} row(s)`;
  const omitted = leftOut > 0 ? `, ${leftOut} untimed event(s) left out` : '';
  return `${format}: ${rows}${omitted}; filter ${canonicalJson({ timeline, ...findings })}`;
}
