/**
 * Errors of the evidence layer. Like jose's errors, each carries a stable `code` callers switch on, plus the
 * location (file, line or byte offset) so the UI and CLI can say precisely what is wrong and where.
 */
export class EvidenceError extends Error {
  override readonly name = 'EvidenceError';
  constructor(
    /** Stable code, e.g. `zip-path-traversal`; listed in docs/bundle-format.md. */
    readonly code: string,
    /** The file the problem is in (a bundle, or a path inside one). */
    readonly file: string,
    message: string,
    readonly location: { readonly line?: number; readonly offset?: number; readonly entry?: string } = {},
  ) {
    super(message);
  }
}

/** Thrown when the investigator cancels a long operation; nothing of it has been stored. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  constructor() {
    super('Cancelled by the investigator; nothing was imported.');
  }
}
