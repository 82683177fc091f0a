// Runs in Chromium (bundled by use-timeline.spec.ts): the timeline list's hook (renderer/timeline/use-timeline.ts)
// rendered by React over a page source the test controls, to replay a race deterministically — the case's count
// moves on while the window is being read.
import { createElement, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { StoredEvent } from '../../../renderer/db/event-records';
import type { PageRequest, PageResult } from '../../../renderer/timeline/page-request';
import { useTimeline } from '../../../renderer/timeline/use-timeline';

const T0 = Date.UTC(2026, 11, 4);
const rowNumber = (seq: number) =>
  ({
    caseId: 'case',
    seq,
    ts: T0 + seq * 1000,
    ingestId: 'ingest',
    fileId: 'file',
    event: {},
  }) as unknown as StoredEvent;
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

/**
 * The window is opened over 9 stored events; while that read is held, 4 more are stored and the count says 13; then
 * the read completes with the 9 it saw. The list must read again and show 13 (it used to stay at 9 for good).
 */
export async function runCountMovedDuringRead() {
  let stored = 9;
  let held: (() => void) | undefined;
  let hold = true;
  const requests: PageRequest[] = [];
  const source = async (request: PageRequest): Promise<PageResult> => {
    requests.push(request);
    const seen = stored; // what the store holds when the read starts
    if (hold) await new Promise<void>((release) => (held = release));
    const rows = Array.from({ length: seen }, (_, index) => rowNumber(index + 1));
    return { rows, exhausted: true, scanned: rows.length };
  };
  const shown: { rows: number; loading: boolean }[] = [];
  let setCount: (count: number) => void = () => {};
  const filter = {};
  function Probe() {
    const [count, set] = useState(stored);
    setCount = set;
    const data = useTimeline('case', filter, undefined, count, source);
    shown.push({ rows: data.window.rows.length, loading: data.loading });
    return null;
  }
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  root.render(createElement(Probe));
  await settle();
  const whileHeld = requests.length;
  stored = 13;
  setCount(13);
  await settle();
  hold = false;
  held?.();
  await settle();
  await settle();
  const last = shown[shown.length - 1]!;
  root.unmount();
  return { readsWhileHeld: whileHeld, reads: requests.length, rowsShown: last.rows, loading: last.loading };
}

Object.assign(globalThis, { runCountMovedDuringRead });
