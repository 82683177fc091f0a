// A list whose selection lives outside it (in the route) learns of a click only when the route changes, a task later.
// A key pressed in between ("s" to star, an arrow) must act on the row the investigator chose, not on the one the
// list last drew. This remembers the selection asked for until the shown selection moves away from where it was
// asked; from then on the shown one rules again (an answer, or a selection made elsewhere).

export class SelectionRequests {
  private pending: { readonly key: string; readonly from: string | undefined } | undefined;

  /** The selection the next key acts on: the one asked for, while the list still shows the one it was asked over. */
  effective(shown: string | undefined): string | undefined {
    if (this.pending && this.pending.from !== shown) this.pending = undefined;
    return this.pending ? this.pending.key : shown;
  }

  /** Records that `key` was asked for while `shown` was the list's selection. */
  request(key: string, shown: string | undefined): void {
    this.pending = key === shown ? undefined : { key, from: shown };
  }
}
