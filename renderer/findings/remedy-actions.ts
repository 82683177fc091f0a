// The case view's handler of the "not judged" remedies: each action is one the app already has (load a geolocation
// database, add evidence, the detector parameters, the Tokens tab), reached from the line that needs it.
import type { Host, PickedSelection } from '../host/host';
import { pickAndStoreGeoDatabase } from '../geo/load-geo-database';
import { ingestClient } from '../ingest/ingest-client';
import { ingestsOf } from '../ingest/queries';
import type { CaseTab } from '../shell/route';
import { plural } from '../shell/format';
import type { RemedyHandler } from './remedy-context';

export interface RemedyDependencies {
  readonly caseId: string;
  readonly host: Host;
  /** Starts the case's import flow with picked evidence (verdict first, nothing stored until Import). */
  readonly startImport: (selection: PickedSelection) => void;
  readonly navigate: (tab: CaseTab) => void;
}

/**
 * Parses every parsed file of the case again, so IPs are located with a database loaded since; the detectors run
 * again by themselves when the parse finishes. Returns how many files are being parsed again.
 */
async function parseCaseAgain(caseId: string): Promise<number> {
  const ingests = (await ingestsOf(caseId)).filter((ingest) => ingest.status !== 'replaced');
  for (const ingest of ingests) await ingestClient.reingest(caseId, ingest.id, ingest.options);
  return ingests.length;
}

export function remedyHandler({ caseId, host, startImport, navigate }: RemedyDependencies): RemedyHandler {
  return async (action) => {
    switch (action) {
      case 'load-geolocation': {
        const info = await pickAndStoreGeoDatabase(host);
        if (!info) return undefined;
        const files = await parseCaseAgain(caseId);
        return `Loaded ${info.name}. Parsing ${plural(files, 'file')} again to locate their IPs; the detectors run again when it finishes.`;
      }
      case 'add-evidence': {
        const picked = await host.pick('files');
        if (picked) startImport(picked);
        return undefined;
      }
      case 'set-parameter':
        navigate('findings');
        return 'Set it under "Detector parameters" above the findings.';
      case 'analyse-tokens':
        navigate('tokens');
        return undefined;
    }
  };
}
