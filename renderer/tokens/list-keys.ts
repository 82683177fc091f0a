// Keyboard navigation of the Tokens list: which row a key moves the selection to.

/** Rows a page key moves by: about what the list shows at once. */
const PAGE_ROWS = 10;

/** The row a navigation key moves the selection to (arrows, Page Up/Down, Home/End), or undefined for other keys. */
export function listTarget(key: string, index: number, count: number): number | undefined {
  const moves: Record<string, number> = {
    ArrowDown: index + 1,
    ArrowUp: index - 1,
    PageDown: index + PAGE_ROWS,
    PageUp: index - PAGE_ROWS,
    Home: 0,
    End: count - 1,
  };
  return key in moves && count > 0 ? Math.max(0, Math.min(count - 1, moves[key]!)) : undefined;
}
