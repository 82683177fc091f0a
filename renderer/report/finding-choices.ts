// The findings a report can include, as the report dialog lists them for the investigator to tick one by one. The
// ticks start at core's default rule (confirmed, plus open high and critical), so an untouched dialog makes the same
// report as before; any change makes it the investigator's own selection, which the report states.
import { Dexie } from 'dexie';
import { defaultFindingSelection, dispositionOf, effectiveSeverity } from '../../core/report';
import type { Disposition } from '../../core/annotations';
import type { Severity } from '../../core/token';
import type { TokentrailDatabase } from '../db/schema';
import { annotationsOf } from './store-report-input';

/** One finding the dialog offers, with whether the default rule includes it. */
export interface FindingChoice {
  readonly key: string;
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  readonly disposition: Disposition;
  readonly byDefault: boolean;
}

/** Every finding of the case's last analysis, highest severity first, with its disposition and default tick. */
export async function findingChoices(database: TokentrailDatabase, caseId: string): Promise<FindingChoice[]> {
  const findings = await database.timelineFindings
    .where('[caseId+rank+ts]')
    .between([caseId, Dexie.minKey, Dexie.minKey], [caseId, Dexie.maxKey, Dexie.maxKey])
    .reverse()
    .toArray();
  const annotations = await annotationsOf(database, caseId);
  const chosen = new Set(defaultFindingSelection(findings, annotations).map((finding) => finding.key));
  return findings.map((finding) => {
    const state = annotations.get(`finding:${finding.key}`)?.state;
    return {
      key: finding.key,
      id: finding.id,
      title: finding.title,
      severity: effectiveSeverity(finding, state),
      disposition: dispositionOf(state),
      byDefault: chosen.has(finding.key),
    };
  });
}

/**
 * The `findingKeys` a report is built with: undefined while the ticks are the default rule's (the report then says
 * "default"), else the ticked keys in the listed order (the report says "chosen by the investigator").
 */
export function chosenFindingKeys(
  choices: readonly FindingChoice[],
  ticked: ReadonlySet<string>,
): readonly string[] | undefined {
  const isDefault = choices.every((choice) => choice.byDefault === ticked.has(choice.key));
  return isDefault ? undefined : choices.filter((choice) => ticked.has(choice.key)).map((choice) => choice.key);
}
