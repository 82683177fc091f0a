/**
 * One copy of each repeated string value for the timeline's entries. Events read back from the store (or parsed
 * from a log) carry their own copy of every string — a subject, an IP, a user agent, a 64-character token hash and
 * the evidence file's name and digest, in every one of millions of events — so an analysis that kept them as given
 * held ~900 bytes per event (test/bench/analyze-timeline.ts --memory). Keeping the first copy of each value and
 * sharing it costs one map entry per distinct value. Each value also has a small number, so the entry table
 * (entry-table.ts) stores four bytes per field instead of a reference in an object per event.
 */
export class StringPool {
  private readonly ids = new Map<string, number>();
  /** Values by number; number 0 stands for undefined. */
  private readonly values: (string | undefined)[] = [undefined];

  /** The pooled copy of `value`; undefined stays undefined. */
  of<T extends string | undefined>(value: T): T {
    return this.values[this.idOf(value)] as T;
  }

  /** The number of `value` in this pool (0 for undefined), adding it on first sight. */
  idOf(value: string | undefined): number {
    if (value === undefined) return 0;
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }

  /** The value numbered `id` by {@link idOf}. */
  at(id: number): string | undefined {
    return this.values[id];
  }
}
