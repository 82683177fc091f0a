// The report feature's use of the window's store: views call these, never `db` itself.
import { db } from '../db/schema';
import type { Host } from '../host/host';
import { createCaseReport, type CreateReportRequest, type CreatedReport } from './create-report';
import { findingChoices, type FindingChoice } from './finding-choices';

/** Build, sign, save and journal the report of a case in this window's store. */
export function createReport(host: Host, request: CreateReportRequest): Promise<CreatedReport> {
  return createCaseReport(db, host, request);
}

/** The findings the report dialog offers, with the default rule's ticks. */
export function reportFindingChoices(caseId: string): Promise<FindingChoice[]> {
  return findingChoices(db, caseId);
}
