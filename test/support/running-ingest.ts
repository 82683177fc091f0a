// An ingest record in the state the app's batch writer expects (running, nothing counted yet), for tests and
// benchmarks that store events through writeBatch without the whole ingest pipeline.
import type { IngestRecord } from '../../renderer/db/event-records';

export function runningIngest(id: string, caseId: string, path: string, fileId = `file-${id}`): IngestRecord {
  return {
    id,
    caseId,
    fileId,
    importId: 'import',
    path,
    sha256: '0'.repeat(64),
    size: 0,
    options: {},
    status: 'running',
    queuedAt: 0,
    bytesRead: 0,
    events: 0,
    problems: 0,
    problemCounts: {},
  };
}
