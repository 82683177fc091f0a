/** Disjoint sets over string keys (path halving, union by first-seen root): near-constant time per operation. */
export class UnionFind {
  private readonly parent = new Map<string, string>();

  /** The representative of `key`'s set (a key never added is its own set). */
  find(key: string): string {
    let node = key;
    for (;;) {
      const up = this.parent.get(node);
      if (up === undefined || up === node) return node;
      const grand = this.parent.get(up) ?? up;
      this.parent.set(node, grand);
      node = grand;
    }
  }

  /** Merge the sets of `a` and `b`; the root of `a` stays the root, so family ids stay stable. */
  union(a: string, b: string): boolean {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA === rootB) return false;
    this.parent.set(rootB, rootA);
    return true;
  }
}
