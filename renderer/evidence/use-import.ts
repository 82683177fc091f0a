// The import flow of one case as a state machine: verify → review → store (or discard), with cancel,
// rejection and storage failure as visible outcomes. The work itself is in verify-selection.ts and
// commit-import.ts (through queries.ts).
import { useCallback, useRef, useState } from 'react';
import type { EvidenceError } from '../../core/evidence';
import type { BundleReport, Progress } from '../../core/evidence';
import type { ExtractedToken } from '../../core/token';
import { describeStorageError } from '../db/storage-errors';
import type { PickedSelection } from '../host/host';
import { storeImport, storeRejectedImport } from './queries';
import { verifySelection, type CancelSignal } from './verify-selection';
import { ingestClient } from '../ingest/ingest-client';
import { plural } from '../shell/format';

export type ImportState =
  | { readonly phase: 'idle'; readonly notice?: string }
  | { readonly phase: 'verifying'; readonly source: string; readonly progress?: Progress }
  | {
      readonly phase: 'review';
      readonly source: string;
      readonly report: BundleReport;
      readonly tokens: readonly ExtractedToken[];
    }
  | { readonly phase: 'storing'; readonly source: string }
  | { readonly phase: 'rejected'; readonly source: string; readonly error: EvidenceError; readonly unrecorded?: string }
  | { readonly phase: 'failed'; readonly source: string; readonly message: string };

export interface ImportControls {
  readonly state: ImportState;
  readonly busy: boolean;
  start(selection: PickedSelection): void;
  cancel(): void;
  accept(): void;
  discard(): void;
  dismiss(): void;
  /** Shows a failure that happened before verification could start (a picker or a drop that failed). */
  fail(message: string): void;
}

/** Progress events can arrive thousands of times a second; the bar only needs a few frames. */
const PROGRESS_INTERVAL_MS = 60;

export function useImport(caseId: string, investigator: string): ImportControls {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const signal = useRef<CancelSignal>({ aborted: false });
  const busy = state.phase === 'verifying' || state.phase === 'storing';

  const start = useCallback(
    (selection: PickedSelection) => {
      if (busy) return;
      const source = selection.name;
      const current: CancelSignal = { aborted: false };
      signal.current = current;
      setState({ phase: 'verifying', source });
      let lastShown = 0;
      const onProgress = (progress: Progress) => {
        const now = performance.now();
        if (now - lastShown < PROGRESS_INTERVAL_MS || current.aborted) return;
        lastShown = now;
        setState({ phase: 'verifying', source, progress });
      };
      void (async () => {
        try {
          const outcome = await verifySelection(selection, current, onProgress);
          if (outcome.kind === 'cancelled') {
            setState({ phase: 'idle', notice: `Import of ${source} cancelled; nothing was stored.` });
          } else if (outcome.kind === 'verified') {
            setState({ phase: 'review', source, report: outcome.report, tokens: outcome.tokens });
          } else {
            const unrecorded = await storeRejectedImport(caseId, investigator, source, outcome.error).then(
              () => undefined,
              (error: unknown) => describeStorageError(error, 'Recording the rejection in the custody log'),
            );
            setState({ phase: 'rejected', source, error: outcome.error, unrecorded });
          }
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          setState({
            phase: 'failed',
            source,
            message: `Verifying ${source} failed unexpectedly: ${message}. Nothing was stored.`,
          });
        }
      })();
    },
    [busy, caseId, investigator],
  );

  const accept = useCallback(() => {
    if (state.phase !== 'review') return;
    const { source, report, tokens } = state;
    setState({ phase: 'storing', source });
    storeImport(caseId, investigator, report, tokens).then(
      (importId) => {
        // The evidence is stored; parsing its logs into events runs in the worker and reports on its own.
        ingestClient.ingestImport(caseId, importId).catch((error: unknown) =>
          setState({
            phase: 'failed',
            source,
            message: describeStorageError(error, `Queueing the logs of ${source} for parsing`),
          }),
        );
        setState({
          phase: 'idle',
          notice: `Imported ${plural(report.files.length, 'file')} and ${plural(tokens.length, 'token')} from ${source}.`,
        });
      },
      (error: unknown) =>
        setState({ phase: 'failed', source, message: describeStorageError(error, `Importing ${source}`) }),
    );
  }, [state, caseId, investigator]);

  const discard = useCallback(() => {
    if (state.phase === 'review') setState({ phase: 'idle', notice: `Discarded ${state.source}; nothing was stored.` });
  }, [state]);

  return {
    state,
    busy,
    start,
    cancel: () => {
      signal.current.aborted = true;
    },
    accept,
    discard,
    dismiss: () => setState({ phase: 'idle' }),
    fail: (message) => setState({ phase: 'failed', source: '', message }),
  };
}
