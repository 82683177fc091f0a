// The values a facet takes in a case, with their counts, from the aggregates kept at ingest: what the
// timeline's filter pickers offer, without reading a single event.
import type { EventFacet, FacetCountRecord } from '../db/event-records';
import type { TokentrailDatabase } from '../db/schema';

/** Up to `limit` values of a facet, most frequent first. */
export async function listFacetValues(
  database: TokentrailDatabase,
  caseId: string,
  facet: EventFacet,
  limit = 500,
): Promise<FacetCountRecord[]> {
  const values = await database.eventFacets
    .where('[caseId+facet+value]')
    .between([caseId, facet, ''], [caseId, facet, '\uffff'], true, true)
    .limit(limit * 4)
    .toArray();
  return values.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, limit);
}
