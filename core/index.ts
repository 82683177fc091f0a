/** The engine's public surface for hosts (renderer, CLI, Electron main). */
export * from './evidence';
export { extractTokens, type ExtractedToken, type TokenSighting } from './token/extract-tokens';
export { decodeCompact, type DecodedCompact } from './token/decode-compact';
export { canonicalJson } from './util/canonical-json';
export { MAX_CALENDAR_MS, isCalendarTime, isoTimeOrNumber } from './util/calendar-range';
export { splitProseTimes, type ProsePart } from './util/prose-times';
export { appendAll } from './util/append-all';
export { largestOf, smallestOf } from './util/extremes';
export { TOOL_NAME, TOOL_VERSION } from './version';
export * from './sources';
export * from './geo';
export { parseUserAgent, type ParsedUserAgent } from './useragent/parse-user-agent';
