// One archive export or import at a time, with its progress and a cancel: the state the archive controls show.
import { useCallback, useRef, useState } from 'react';
import { ArchiveError, type ArchiveOptions, type ArchiveProgress } from '../../core/archive';
import { CancelledError } from '../../core/evidence';

export type ArchiveJobState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'running'; readonly progress?: ArchiveProgress }
  | { readonly phase: 'done'; readonly message: string; readonly caseId?: string }
  | { readonly phase: 'failed'; readonly message: string };

/** Progress is shown at most this often: a million rows would otherwise re-render a million times. */
const PROGRESS_INTERVAL_MS = 100;

/** What a refusal or a failure says to the investigator. */
function describeFailure(error: unknown, what: string): string {
  if (error instanceof CancelledError) return `${what} cancelled; nothing was kept.`;
  const message = (error as Error).message;
  const stop = message.endsWith('.') ? '' : '.';
  if (error instanceof ArchiveError && error.code !== 'archive-value')
    return `The archive is refused whole: ${message}${stop} Nothing was imported.`;
  return `${what} failed: ${message}${stop} Nothing was kept.`;
}

export function useArchiveJob(what: string) {
  const [state, setState] = useState<ArchiveJobState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);

  const run = useCallback(
    async (job: (options: ArchiveOptions) => Promise<{ message: string; caseId?: string } | null>) => {
      const abort = new AbortController();
      controller.current = abort;
      setState({ phase: 'running' });
      let shownAt = 0;
      try {
        const result = await job({
          signal: abort.signal,
          onProgress: (progress) => {
            const now = performance.now();
            if (now - shownAt < PROGRESS_INTERVAL_MS) return;
            shownAt = now;
            setState({ phase: 'running', progress });
          },
        });
        setState(result ? { phase: 'done', ...result } : { phase: 'idle' });
      } catch (error) {
        setState({ phase: 'failed', message: describeFailure(error, what) });
      } finally {
        controller.current = null;
      }
    },
    [what],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { state, run, cancel };
}
