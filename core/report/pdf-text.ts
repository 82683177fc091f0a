/**
 * Text for a PDF drawn with the standard 14 fonts (Helvetica) in WinAnsiEncoding: what that encoding can show is
 * written as its byte; what it cannot is written as a visible `[U+XXXX]` marker, never dropped or replaced by a
 * look-alike, so the PDF never claims the evidence said something it did not.
 */

/** Code points 0x80–0x9F of WinAnsi (Windows-1252) that differ from Latin-1, by Unicode code point. */
const WIN_ANSI_HIGH: ReadonlyMap<number, number> = new Map([
  [0x20ac, 0x80],
  [0x201a, 0x82],
  [0x0192, 0x83],
  [0x201e, 0x84],
  [0x2026, 0x85],
  [0x2020, 0x86],
  [0x2021, 0x87],
  [0x02c6, 0x88],
  [0x2030, 0x89],
  [0x0160, 0x8a],
  [0x2039, 0x8b],
  [0x0152, 0x8c],
  [0x017d, 0x8e],
  [0x2018, 0x91],
  [0x2019, 0x92],
  [0x201c, 0x93],
  [0x201d, 0x94],
  [0x2022, 0x95],
  [0x2013, 0x96],
  [0x2014, 0x97],
  [0x02dc, 0x98],
  [0x2122, 0x99],
  [0x0161, 0x9a],
  [0x203a, 0x9b],
  [0x0153, 0x9c],
  [0x017e, 0x9e],
  [0x0178, 0x9f],
]);

/** The WinAnsi byte of a code point, or undefined when the encoding has none (controls included). */
function winAnsiByte(codePoint: number): number | undefined {
  if (codePoint >= 0x20 && codePoint <= 0x7e) return codePoint;
  if (codePoint >= 0xa0 && codePoint <= 0xff) return codePoint;
  return WIN_ANSI_HIGH.get(codePoint);
}

/**
 * `text` as WinAnsi bytes. Tabs become a space; every other character the encoding lacks (controls, CJK, emoji,
 * bidi overrides…) becomes the ASCII text `[U+XXXX]`.
 */
export function winAnsiBytes(text: string): number[] {
  const bytes: number[] = [];
  let previous = 0;
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    const after = previous;
    previous = codePoint;
    // Line ends (LF, CR, CRLF) stay line ends: the wrapper breaks there.
    if (codePoint === 0x0a && after === 0x0d) continue;
    const byte = codePoint === 0x0a || codePoint === 0x0d ? 0x0a : codePoint === 0x09 ? 0x20 : winAnsiByte(codePoint);
    if (byte !== undefined) bytes.push(byte);
    else
      for (const marker of `[U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}]`)
        bytes.push(marker.charCodeAt(0));
  }
  return bytes;
}

/**
 * A PDF literal string of WinAnsi bytes, ASCII only: `\`, `(` and `)` escaped, bytes outside printable ASCII as
 * octal escapes. Evidence text cannot end the string or inject operators.
 */
export function pdfString(bytes: readonly number[]): string {
  let out = '(';
  for (const byte of bytes) {
    if (byte === 0x5c || byte === 0x28 || byte === 0x29) out += `\\${String.fromCharCode(byte)}`;
    else if (byte >= 0x20 && byte <= 0x7e) out += String.fromCharCode(byte);
    else out += `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return `${out})`;
}

/** Helvetica advance widths (1/1000 em) of printable ASCII, from the standard font's metrics; others 556. */
const HELVETICA_ASCII = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];

/**
 * The fonts a report PDF uses: Helvetica, Helvetica-Bold, and Courier for hashes, tokens and records.
 */
export type PdfFont = 'regular' | 'bold' | 'mono';

/**
 * Width in points of WinAnsi bytes at `size`. Courier is 600 units a character; bold Helvetica is measured 10% wider
 * than regular, which errs on the side of wrapping early, never of running off the page.
 */
export function textWidth(bytes: readonly number[], size: number, font: PdfFont = 'regular'): number {
  if (font === 'mono') return (bytes.length * 600 * size) / 1000;
  let units = 0;
  for (const byte of bytes) units += byte >= 0x20 && byte <= 0x7e ? HELVETICA_ASCII[byte - 0x20]! : 556;
  return (units * size * (font === 'bold' ? 1.1 : 1)) / 1000;
}

/**
 * Break WinAnsi bytes into lines no wider than `width` points: at spaces where possible, and inside a word (a hash,
 * a token) where it alone is wider than a line. Linear in the text's length.
 */
export function wrapBytes(
  bytes: readonly number[],
  width: number,
  size: number,
  font: PdfFont = 'regular',
): number[][] {
  const lines: number[][] = [];
  let line: number[] = [];
  let lineWidth = 0;
  let lastSpace = -1;
  for (const byte of bytes) {
    if (byte === 0x0a || byte === 0x0d) {
      lines.push(line);
      line = [];
      lineWidth = 0;
      lastSpace = -1;
      continue;
    }
    const advance = textWidth([byte], size, font);
    if (lineWidth + advance > width && line.length > 0) {
      if (lastSpace > 0 && byte !== 0x20) {
        const rest = line.slice(lastSpace + 1);
        lines.push(line.slice(0, lastSpace));
        line = rest;
      } else {
        lines.push(line);
        line = [];
      }
      lineWidth = textWidth(line, size, font);
      lastSpace = -1;
      if (byte === 0x20) continue;
    }
    if (byte === 0x20) lastSpace = line.length;
    line.push(byte);
    lineWidth += advance;
  }
  lines.push(line);
  return lines;
}
