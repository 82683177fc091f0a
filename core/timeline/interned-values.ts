/**
 * Small records that many events share — an evidence file (name and digest), an HTTP request line, a place, a
 * person's names — stored once and numbered, so the entry table (entry-table.ts) keeps a number per event. Number 0
 * stands for "none". Keyed by a string the caller builds from the record's fields.
 */
export class InternedValues<T> {
  private readonly ids = new Map<string, number>();
  private readonly values: (T | undefined)[] = [undefined];

  /** The number of the record keyed `key`, storing `make()` on first sight. */
  idOf(key: string, make: () => T): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(make());
      this.ids.set(key, id);
    }
    return id;
  }

  at(id: number): T | undefined {
    return this.values[id];
  }
}

/**
 * Lists held by the entry table: shared (frozen) lists are stored once however many events hold them; a list of an
 * event's own gets a number of its own. Number 0 is `empty`.
 */
export class ListSlots<T> {
  private readonly sharedIds = new Map<T, number>();
  private readonly lists: T[];

  constructor(empty: T) {
    this.lists = [empty];
    this.sharedIds.set(empty, 0);
  }

  idOf(list: T): number {
    // Only shared lists are looked up: a map keyed by an event's own list would give every one an identity hash.
    const shared = list === undefined || Object.isFrozen(list);
    if (shared) {
      const id = this.sharedIds.get(list);
      if (id !== undefined) return id;
    }
    const id = this.lists.length;
    this.lists.push(list);
    if (shared) this.sharedIds.set(list, id);
    return id;
  }

  at(id: number): T {
    return this.lists[id]!;
  }

  /**
   * Replace the list numbered `id` when it is an event's own (not shared); otherwise number `list`. Reusing the slot
   * matters: hash linking replaces the own list of every multi-token record it links, and keeping both cost ~30 bytes
   * per event at the analysis's peak in the memory benchmark (340 against 309).
   */
  replace(id: number, list: T): number {
    if (id !== 0 && !Object.isFrozen(this.lists[id]) && !Object.isFrozen(list)) {
      this.lists[id] = list;
      return id;
    }
    return this.idOf(list);
  }
}
