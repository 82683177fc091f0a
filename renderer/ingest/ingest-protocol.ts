// The messages between the page and the ingest worker. One worker runs the ingests of this window one after
// another; the page asks it to run ingests (by id: the worker reads the records) and to cancel.

export type IngestRequest =
  | { readonly type: 'run'; readonly ingestIds: readonly string[] }
  /** Cancels the running ingest and drops the queued ones of the same case. */
  | { readonly type: 'cancel'; readonly caseId: string };

export interface IngestProgressMessage {
  readonly type: 'progress';
  readonly ingestId: string;
  readonly phase: 'removing' | 'parsing';
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly events: number;
  readonly problems: number;
}

export type IngestReply =
  | IngestProgressMessage
  | { readonly type: 'finished'; readonly ingestId: string; readonly outcome: 'complete' | 'cancelled' | 'failed' }
  /** Queued ingests the worker dropped on cancel; the page marks them cancelled. */
  | { readonly type: 'dropped'; readonly ingestIds: readonly string[] }
  | { readonly type: 'idle' };
