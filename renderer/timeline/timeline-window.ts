// The slice of the timeline the list holds: a few pages around where the investigator is, extended a page at a
// time as they scroll and trimmed at the far end, so 5 million events never become 5 million rows (or a list
// taller than the ~33.5M px browsers can lay out). Positions are keys, not row numbers.
import type { StoredEvent } from '../db/event-records';
import type { EventCursor, PageRequest, PageResult } from './page-request';

export type PageSource = (request: PageRequest) => Promise<PageResult>;

/** What changed at the edges after an extension, so the list can keep its scroll position. */
export interface WindowChange {
  readonly added: number;
  readonly dropped: number;
}

export class TimelineWindow {
  rows: StoredEvent[] = [];
  atStart = false;
  atEnd = false;
  /** Events the pages of this window examined (a rare match is searched for over many partial pages). */
  examined = 0;
  private before: EventCursor | undefined;
  private after: EventCursor | undefined;
  /**
   * Operations run one at a time, in the order asked: an extension asked while an open is loading (a list too short
   * for its view asks at once) would otherwise read from a cursor the open is about to replace and append the same
   * rows twice.
   */
  private pending: Promise<unknown> = Promise.resolve();

  private inTurn<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.pending.then(operation, operation);
    this.pending = result.catch(() => undefined);
    return result;
  }

  constructor(
    private readonly source: PageSource,
    readonly pageSize = 200,
    readonly maxRows = 1_000,
  ) {}

  /** Opens at the beginning, at the end, or around an event (which is included). */
  open(at: EventCursor | 'start' | 'end' = 'start'): Promise<void> {
    return this.inTurn(() => this.load(at));
  }

  private async load(at: EventCursor | 'start' | 'end'): Promise<void> {
    if (at === 'start' || at === 'end') {
      const page = await this.source({ direction: at === 'start' ? 'forward' : 'backward', limit: this.pageSize });
      this.examined = page.scanned;
      this.rows = page.rows;
      this.atStart = at === 'start' || page.exhausted;
      this.atEnd = at === 'end' || page.exhausted;
      // The resume key is where the scan stopped, which may lie beyond the last match (a filtered scan).
      this.before = at === 'start' ? this.rows[0] : (page.resume ?? this.rows[0]);
      this.after = at === 'start' ? (page.resume ?? this.rows.at(-1)) : this.rows.at(-1);
      return;
    }
    const half = Math.ceil(this.pageSize / 2);
    const [earlier, later] = await Promise.all([
      this.source({ direction: 'backward', from: at, limit: half }),
      this.source({ direction: 'forward', from: at, inclusive: true, limit: this.pageSize }),
    ]);
    this.examined = earlier.scanned + later.scanned;
    this.rows = [...earlier.rows, ...later.rows];
    this.atStart = earlier.exhausted;
    this.atEnd = later.exhausted;
    this.before = earlier.resume ?? at;
    this.after = later.resume ?? at;
  }

  /** Loads the next page after the last row; drops rows from the front beyond maxRows. */
  extendForward(): Promise<WindowChange> {
    return this.inTurn(() => this.loadForward());
  }

  private async loadForward(): Promise<WindowChange> {
    if (this.atEnd) return { added: 0, dropped: 0 };
    const page = await this.source({ direction: 'forward', from: this.after, limit: this.pageSize });
    this.examined += page.scanned;
    this.atEnd = page.exhausted;
    this.after = page.resume ?? this.after;
    this.rows = [...this.rows, ...page.rows];
    const dropped = Math.max(0, this.rows.length - this.maxRows);
    if (dropped > 0) {
      this.rows = this.rows.slice(dropped);
      this.atStart = false;
      this.before = this.rows[0];
    }
    return { added: page.rows.length, dropped };
  }

  /** The edge a list shorter than its view should extend to fill it, or undefined when neither edge has more. */
  edgeToFill(rowsInView: number): 'forward' | 'backward' | undefined {
    if (this.rows.length >= rowsInView) return undefined;
    if (!this.atEnd) return 'forward';
    return this.atStart ? undefined : 'backward';
  }

  /** Loads the page before the first row; drops rows from the end beyond maxRows. */
  extendBackward(): Promise<WindowChange> {
    return this.inTurn(() => this.loadBackward());
  }

  private async loadBackward(): Promise<WindowChange> {
    if (this.atStart) return { added: 0, dropped: 0 };
    const page = await this.source({ direction: 'backward', from: this.before, limit: this.pageSize });
    this.examined += page.scanned;
    this.atStart = page.exhausted;
    this.before = page.resume ?? this.before;
    this.rows = [...page.rows, ...this.rows];
    const dropped = Math.max(0, this.rows.length - this.maxRows);
    if (dropped > 0) {
      this.rows = this.rows.slice(0, this.rows.length - dropped);
      this.atEnd = false;
      this.after = this.rows.at(-1);
    }
    return { added: page.rows.length, dropped };
  }
}
