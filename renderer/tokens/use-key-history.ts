// The key-rotation record of the key that verified a token, read from the case's stored evidence with the file
// and line it is written at (the same reading the case analysis does, renderer/timeline-analysis/case-evidence.ts).
import { useLiveQuery } from 'dexie-react-hooks';
import type { KeyHistoryEntry } from '../../core/timeline';
import { keyHistoryFor } from './key-history';
import { caseKeyHistory } from './queries';

export function useKeyHistory(
  caseId: string,
  key: { readonly kid?: string; readonly thumbprint: string } | undefined,
): KeyHistoryEntry | undefined {
  return useLiveQuery(
    async () => (key ? keyHistoryFor(key, await caseKeyHistory(caseId)) : undefined),
    [caseId, key?.kid, key?.thumbprint],
  );
}
