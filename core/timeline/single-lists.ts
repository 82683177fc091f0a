/**
 * Frozen one-item lists shared by every entry whose list holds the same single item: most events carry one token in
 * one role (a token's every use in an access log), so a list per (token, tag) serves them all instead of an array and
 * an object per event (~90 bytes each in Node; test/bench/analyze-timeline.ts --memory). Lists of several items
 * hold the same shared items. Frozen: the timeline replaces an entry's list, it never changes one.
 */
export class SingleLists<Tag extends string, Item extends { readonly hash: string }> {
  private readonly lists = new Map<string, Map<Tag, readonly Item[]>>();

  constructor(private readonly make: (hash: string, tag: Tag) => Item) {}

  /** The shared list holding only `make(hash, tag)`. */
  of(hash: string, tag: Tag): readonly Item[] {
    let byTag = this.lists.get(hash);
    if (!byTag) this.lists.set(hash, (byTag = new Map()));
    let list = byTag.get(tag);
    if (!list) byTag.set(tag, (list = Object.freeze([Object.freeze(this.make(hash, tag))])));
    return list;
  }

  /** The shared item `make(hash, tag)`: a list of several items is built from these, so no item is made twice. */
  itemOf(hash: string, tag: Tag): Item {
    return this.of(hash, tag)[0]!;
  }
}
