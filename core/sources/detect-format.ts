import type { SourceFormatName } from './types';
import { SOURCE_FORMATS } from './formats/registry';

/** One candidate format for a file, with how sure detection is. */
export interface FormatCandidate {
  readonly format: SourceFormatName;
  readonly confidence: number;
}

/** Below this, detection says "unknown" rather than guess. */
export const DETECTION_THRESHOLD = 0.3;

/**
 * Every format that recognises the sample (the file's first ~64 KiB as text), most likely first. Detection reads
 * content, never the file name: evidence arrives as "export (3).txt". The UI offers the list; the first is used
 * unless the investigator overrides it.
 */
export function detectFormat(sample: string): FormatCandidate[] {
  const text = sample.replace(/^\uFEFF/, '');
  return SOURCE_FORMATS.map((format) => ({ format: format.name, confidence: safeDetect(() => format.detect(text)) }))
    .filter((candidate) => candidate.confidence >= DETECTION_THRESHOLD)
    .sort((a, b) => b.confidence - a.confidence);
}

function safeDetect(detect: () => number): number {
  try {
    const value = detect();
    return Number.isFinite(value) ? value : 0;
  } catch {
    return 0;
  }
}
