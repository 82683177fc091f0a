// The active timeline filter in words, for the views that apply it without showing its form (Findings, Lifecycle,
// Map): each part names the field as the Timeline's form labels it, so the investigator can see what hides what.
import { activeFacets, type TimelineFilter } from './timeline-filter';
import type { EventFacet } from '../db/event-records';
import { describeAnnotationFilter } from '../annotations/annotation-filter';

export interface FilterPart {
  readonly key: string;
  readonly label: string;
  readonly value: string;
}

const FACET_LABEL: Readonly<Record<EventFacet, string>> = {
  kind: 'kind',
  subject: 'subject',
  token: 'token',
  session: 'session',
  ip: 'IP',
  country: 'country',
  file: 'source file',
  appVersion: 'app version',
};

export interface SummaryFormat {
  /** A time in the investigator's zone. */
  readonly time: (ts: number) => string;
  /** A source file's path by its id (the facet's value is the id). */
  readonly fileName?: (fileId: string) => string | undefined;
}

/** Every part of the filter that narrows, in the Timeline form's order: time range, facets, text. */
export function describeTimelineFilter(filter: TimelineFilter, format: SummaryFormat): FilterPart[] {
  const parts: FilterPart[] = [];
  if (filter.from !== undefined) parts.push({ key: 'from', label: 'from', value: format.time(filter.from) });
  if (filter.to !== undefined) parts.push({ key: 'to', label: 'to', value: format.time(filter.to) });
  for (const [facet, value] of activeFacets(filter)) {
    const shown =
      facet === 'file' ? (format.fileName?.(value) ?? value) : facet === 'token' ? `${value.slice(0, 12)}…` : value;
    parts.push({ key: facet, label: FACET_LABEL[facet], value: shown });
  }
  const text = filter.text?.trim();
  if (text) parts.push({ key: 'text', label: 'text', value: `"${text}"` });
  const annotation = describeAnnotationFilter(filter.annotation).join(', ');
  if (annotation) parts.push({ key: 'annotation', label: 'annotation', value: annotation });
  return parts;
}
