/**
 * One copy of each repeated string value for the timeline's entries. Events read back from the store (or parsed
 * from a log) carry their own copy of every string — a subject, an IP, a user agent, a 64-character token hash and
 * the evidence file's name and digest, in every one of millions of events — so an analysis that kept them as given
 * held ~900 bytes per event (test/bench/analyze-timeline.ts --memory). Keeping the first copy of each value and
 * sharing it costs one map entry per distinct value.
 */
export class StringPool {
  private readonly copies = new Map<string, string>();

  /** The pooled copy of `value`; undefined stays undefined. */
  of<T extends string | undefined>(value: T): T {
    if (value === undefined) return value;
    const known = this.copies.get(value);
    if (known !== undefined) return known as T;
    this.copies.set(value, value);
    return value;
  }
}
