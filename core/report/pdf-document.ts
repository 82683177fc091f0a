import fontkit, { type Font } from '@pdf-lib/fontkit';
import { inflateSync } from 'fflate';
import {
  PDFDocument,
  TextRenderingMode,
  grayscale,
  popGraphicsState,
  pushGraphicsState,
  setLineWidth,
  setStrokingGrayscaleColor,
  setTextRenderingMode,
  type PDFFont,
} from 'pdf-lib';
import { decodeBase64Url } from '../token/base64url';
import { DEJAVU_SANS } from './fonts/dejavu-sans';
import { DEJAVU_SANS_MONO } from './fonts/dejavu-sans-mono';
import type { PdfFontMetrics } from './pdf-text';

/** A4 in points. */
export const PAGE_WIDTH = 595;
export const PAGE_HEIGHT = 842;

/**
 * The faces a report PDF uses: DejaVu Sans for prose (bold is the same font drawn filled and outlined, which saves
 * embedding a third font program), DejaVu Sans Mono for hashes, tokens and records.
 */
export type PdfFont = 'regular' | 'bold' | 'mono';

/** Stroke width, in points per point of text size, that thickens "bold" text. */
const BOLD_STROKE = 0.035;

interface TextRun {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly font: PdfFont;
  readonly size: number;
  readonly grey: number;
}

/** One page being laid out: text runs (already printable, see pdf-text.ts) and rules, drawn when the PDF is written. */
export class PdfPage {
  readonly runs: TextRun[] = [];
  readonly rules: { readonly x1: number; readonly x2: number; readonly y: number }[] = [];

  /** Draw one line of printable text with its baseline at (x, y). */
  text(x: number, y: number, text: string, font: PdfFont, size: number, grey = 0): void {
    this.runs.push({ x, y, text, font, size, grey });
  }

  /** A horizontal rule. */
  rule(x1: number, x2: number, y: number): void {
    this.rules.push({ x1, x2, y });
  }
}

/** The font programs, decoded and inflated once: they are constants of the build. */
let programs: { readonly sans: Uint8Array; readonly mono: Uint8Array } | undefined;

function fontPrograms(): { readonly sans: Uint8Array; readonly mono: Uint8Array } {
  programs ??= {
    sans: inflateSync(decodeBase64Url(DEJAVU_SANS)!),
    mono: inflateSync(decodeBase64Url(DEJAVU_SANS_MONO)!),
  };
  return programs;
}

/** Coverage and widths straight from a font program's cmap and hmtx, memoised per code point. */
function metricsOf(font: Font): PdfFontMetrics {
  const widths = new Map<number, number>();
  const scale = 1000 / font.unitsPerEm;
  return {
    covers: (codePoint) => font.hasGlyphForCodePoint(codePoint),
    advance: (codePoint) => {
      let width = widths.get(codePoint);
      if (width === undefined) {
        width = font.glyphForCodePoint(codePoint).advanceWidth * scale;
        widths.set(codePoint, width);
      }
      return width;
    },
  };
}

let metrics: Readonly<Record<PdfFont, PdfFontMetrics>> | undefined;

/** What each face covers and how wide its glyphs are, for layout before the PDF exists. */
export function pdfFontMetrics(): Readonly<Record<PdfFont, PdfFontMetrics>> {
  if (!metrics) {
    const sans = metricsOf(fontkit.create(fontPrograms().sans));
    metrics = { regular: sans, bold: sans, mono: metricsOf(fontkit.create(fontPrograms().mono)) };
  }
  return metrics;
}

/** A PDF date object from an ISO 8601 time: the report's generation time, never the clock. */
const dateOf = (iso: string): Date => new Date(iso);

/**
 * Serialise laid-out pages with pdf-lib: DejaVu Sans and DejaVu Sans Mono embedded as subsets (only the glyphs used,
 * with a ToUnicode map, so text stays selectable and searchable), the info dictionary's dates set to the report's
 * generation time and no document ID, so the same pages always give the same bytes. Text reaches the file only as
 * glyph ids in hex strings: evidence text cannot end a string or inject an operator.
 */
export async function writePdf(
  pages: readonly PdfPage[],
  info: { readonly title: string; readonly createdAt: string },
): Promise<Uint8Array> {
  const document = await PDFDocument.create({ updateMetadata: false });
  document.registerFontkit(fontkit);
  // Subset fonts are named TAG+Name (ISO 32000-1 §9.6.4), which tells readers the program is partial; pdf-lib's own
  // name (Name-NNNN) does not say so. The tags are fixed: each report embeds exactly these two subsets.
  const sans = await document.embedFont(fontPrograms().sans, { subset: true, customName: 'TTSANS+DejaVuSans' });
  const mono = await document.embedFont(fontPrograms().mono, { subset: true, customName: 'TTMONO+DejaVuSansMono' });
  const faces: Readonly<Record<PdfFont, PDFFont>> = { regular: sans, bold: sans, mono };
  for (const laidOut of pages) {
    const page = document.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    for (const rule of laidOut.rules)
      page.drawLine({
        start: { x: rule.x1, y: rule.y },
        end: { x: rule.x2, y: rule.y },
        thickness: 0.5,
        color: grayscale(0.6),
      });
    for (const run of laidOut.runs) {
      if (run.text === '') continue;
      const bold = run.font === 'bold';
      if (bold)
        page.pushOperators(
          pushGraphicsState(),
          setTextRenderingMode(TextRenderingMode.FillAndOutline),
          setLineWidth(run.size * BOLD_STROKE),
          setStrokingGrayscaleColor(run.grey),
        );
      page.drawText(run.text, {
        x: run.x,
        y: run.y,
        font: faces[run.font],
        size: run.size,
        color: grayscale(run.grey),
      });
      if (bold) page.pushOperators(popGraphicsState());
    }
  }
  document.setTitle(info.title);
  document.setProducer('Tokentrail');
  document.setCreator('Tokentrail');
  document.setCreationDate(dateOf(info.createdAt));
  document.setModificationDate(dateOf(info.createdAt));
  return document.save({ useObjectStreams: false });
}
