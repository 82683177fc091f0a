/**
 * Text for report.pdf, drawn in the embedded DejaVu fonts: what the font has a glyph for is drawn as itself; what it
 * has not (CJK, emoji, outside DejaVu) and every invisible control or format character (bidi overrides, zero-width
 * characters, NUL…) is written as a visible `[U+XXXX]` marker, never dropped, never a blank box or a look-alike, so
 * the PDF never claims the evidence said something it did not.
 */

/** What a font can draw and how wide: the two facts layout needs, kept apart from the PDF library. */
export interface PdfFontMetrics {
  /** Whether the font has a glyph for this code point. */
  readonly covers: (codePoint: number) => boolean;
  /** Advance width of the code point's glyph in 1/1000 em. */
  readonly advance: (codePoint: number) => number;
}

/** Control, format, private-use, unassigned and surrogate code points: never drawn as themselves. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}]/u;

const marker = (codePoint: number): string => `[U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}]`;

/**
 * `text` as the font will draw it: line ends (LF, CR, CRLF) become LF, tabs a space, and every character the font
 * lacks or that is invisible becomes the ASCII text `[U+XXXX]`. Linear in the text's length.
 */
export function printableText(text: string, font: PdfFontMetrics): string {
  let out = '';
  let previous = 0;
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    const after = previous;
    previous = codePoint;
    if (codePoint === 0x0a && after === 0x0d) continue;
    if (codePoint === 0x0a || codePoint === 0x0d) out += '\n';
    else if (codePoint === 0x09) out += ' ';
    else if (INVISIBLE.test(character) || !font.covers(codePoint)) out += marker(codePoint);
    else out += character;
  }
  return out;
}

/** Width in points of printable text at `size`. */
export function textWidth(text: string, size: number, font: PdfFontMetrics): number {
  let units = 0;
  for (const character of text) units += font.advance(character.codePointAt(0)!);
  return (units * size) / 1000;
}

/**
 * Break printable text into lines no wider than `width` points: at LF, at spaces where possible, and inside a word
 * (a hash, a token) where it alone is wider than a line. Linear in the text's length.
 */
export function wrapText(text: string, width: number, size: number, font: PdfFontMetrics): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  let lineWidth = 0;
  let lastSpace = -1;
  for (const character of text) {
    if (character === '\n') {
      lines.push(line.join(''));
      line = [];
      lineWidth = 0;
      lastSpace = -1;
      continue;
    }
    const advance = (font.advance(character.codePointAt(0)!) * size) / 1000;
    if (lineWidth + advance > width && line.length > 0) {
      if (lastSpace > 0 && character !== ' ') {
        const rest = line.slice(lastSpace + 1);
        lines.push(line.slice(0, lastSpace).join(''));
        line = rest;
      } else {
        lines.push(line.join(''));
        line = [];
      }
      lineWidth = textWidth(line.join(''), size, font);
      lastSpace = -1;
      if (character === ' ') continue;
    }
    if (character === ' ') lastSpace = line.length;
    line.push(character);
    lineWidth += advance;
  }
  lines.push(line.join(''));
  return lines;
}
