// Detector parameters saved on the case record: only the values that differ from the defaults, so a later engine
// version's better defaults reach every parameter the investigator never touched.
import type { TokentrailDatabase } from './schema';

export async function saveDetectorParameters(database: TokentrailDatabase, caseId: string, parameters: Readonly<Record<string, Readonly<Record<string, unknown>>>>): Promise<void> {
  await database.cases.update(caseId, { detectorParameters: parameters, updatedAt: Date.now() });
}
