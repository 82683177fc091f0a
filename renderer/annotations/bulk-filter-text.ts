// A bulk annotation's filter in the investigator's words, for its journal entry: what a reader of the journal needs
// to see which items were changed (the entry's digest covers the filter itself, exactly).
import type { FindingFilter } from '../findings/finding-filter';
import { describeTimelineFilter, type SummaryFormat } from '../timeline/filter-summary';
import type { TimelineFilter } from '../timeline/timeline-filter';
import type { TokenFilter } from '../tokens/token-filter';

/** The timeline filter as `from …, kind use, text "x"`, or `no filter` when it narrows nothing. */
export function timelineFilterText(filter: TimelineFilter, format: SummaryFormat): string {
  const parts = describeTimelineFilter(filter, format).map((part) => `${part.label} ${part.value}`);
  return parts.length > 0 ? parts.join(', ') : 'no filter';
}

export function tokenFilterText(filter: TokenFilter): string {
  return `verdict ${filter.verdict}, severity ${filter.severity}`;
}

/** The Findings view's own filter, then the timeline filter it is narrowed by. */
export function findingFilterText(filter: FindingFilter, timeline: TimelineFilter, format: SummaryFormat): string {
  const parts = [
    filter.severities.length > 0 ? `severity ${filter.severities.join('|')}` : '',
    filter.id ? `id ${filter.id}` : '',
    filter.origin !== 'any' ? `origin ${filter.origin}` : '',
    filter.text.trim() ? `text "${filter.text.trim()}"` : '',
  ].filter(Boolean);
  return `${parts.length > 0 ? parts.join(', ') : 'every finding'}; timeline: ${timelineFilterText(timeline, format)}`;
}
