/** `1 time`, `3 times`; `1 token`, `2 tokens`: a count and its noun, agreed, so no sentence reads "1 time(s)". */
export function countOf(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}
