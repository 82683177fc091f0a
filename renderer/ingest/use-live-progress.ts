// Live progress of the worker's ingests (between committed batches), for progress bars.
import { useSyncExternalStore } from 'react';
import { ingestClient, type LiveProgress } from './ingest-client';

export function useLiveProgress(): ReadonlyMap<string, LiveProgress> {
  return useSyncExternalStore(ingestClient.subscribe, ingestClient.snapshot);
}
