// The messages between the page and any of its job workers (token analysis, wordlist search, case analysis,
// ingest). The page starts a job with a request of the worker's own type and may cancel it; the worker reports
// progress of its own type and ends every job it was given with one `finished` reply. Results go to IndexedDB,
// which the page's live queries read: the messages carry only what a progress line needs.

export type JobOutcome = 'complete' | 'cancelled' | 'failed';

export type JobRequest<Job> =
  | { readonly type: 'start'; readonly jobId: string; readonly job: Job }
  | { readonly type: 'cancel'; readonly jobId: string };

export type JobReply<Progress, Summary> =
  | { readonly type: 'progress'; readonly jobId: string; readonly progress: Progress }
  | {
      readonly type: 'finished';
      readonly jobId: string;
      readonly outcome: JobOutcome;
      readonly summary?: Summary;
      readonly error?: string;
    };

/** What a worker's job function hands back: whether it stopped on a cancel, and what the page should show. */
export interface JobResult<Summary> {
  readonly cancelled: boolean;
  readonly summary?: Summary;
}

/** Set when the page cancels the job; a job function checks it between its steps. */
export interface CancelSignal {
  readonly aborted: boolean;
}
