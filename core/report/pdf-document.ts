import fontkit, { type Font } from '@pdf-lib/fontkit';
import { inflateSync } from 'fflate';
import {
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFOperator,
  PDFOperatorNames,
  PDFString,
  TextRenderingMode,
  grayscale,
  rgb,
  type PDFPage,
  type PDFRef,
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
import type { FigureShape } from './figure-shapes';
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

/**
 * A structure element of the tagged PDF (ISO 32000-1 §14.8.4): a heading, a paragraph, or a figure with its
 * alternate text. Text runs and shapes name the block they belong to; what names none is an artifact (running
 * headers, page numbers, rules).
 */
export interface PdfBlock {
  readonly tag: 'H1' | 'H2' | 'H3' | 'P' | 'Figure';
  readonly alt?: string;
}

interface TextRun {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly font: PdfFont;
  readonly size: number;
  readonly grey: number;
  readonly block?: number;
}

/** A vector shape of a figure (figure-shapes.ts, in page coordinates), as part of `block`. */
export type PdfShape = Exclude<FigureShape, { readonly kind: 'text' }> & { readonly block?: number };

/** One page being laid out: text runs (already printable, see pdf-text.ts), rules and shapes, drawn when written. */
export class PdfPage {
  readonly runs: TextRun[] = [];
  readonly rules: { readonly x1: number; readonly x2: number; readonly y: number }[] = [];
  readonly shapes: PdfShape[] = [];

  /** Draw one line of printable text with its baseline at (x, y), as part of `block` (else an artifact). */
  text(x: number, y: number, text: string, font: PdfFont, size: number, grey = 0, block?: number): void {
    this.runs.push({ x, y, text, font, size, grey, block });
  }

  /** A horizontal rule (an artifact). */
  rule(x1: number, x2: number, y: number): void {
    this.rules.push({ x1, x2, y });
  }

  /** A shape of a figure. */
  shape(shape: PdfShape): void {
    this.shapes.push(shape);
  }
}

/** A bookmark: its title, the page index and height it opens at, and its level (0 = a section, 1 = inside one). */
export interface PdfOutlineEntry {
  readonly title: string;
  readonly page: number;
  readonly y: number;
  readonly level: 0 | 1;
}

/** The document's logical structure: the blocks (by index) and the bookmarks. */
export interface PdfStructure {
  readonly blocks: readonly PdfBlock[];
  readonly outline: readonly PdfOutlineEntry[];
  /** BCP 47 language of the text (`/Lang`). */
  readonly language: string;
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

function drawShape(page: PDFPage, shape: PdfShape): void {
  const colour = rgb(...shape.colour);
  if (shape.kind === 'line')
    page.drawLine({
      start: { x: shape.x1, y: shape.y1 },
      end: { x: shape.x2, y: shape.y2 },
      thickness: shape.width,
      color: colour,
    });
  else if (shape.kind === 'circle') page.drawCircle({ x: shape.x, y: shape.y, size: shape.radius, color: colour });
  else if (shape.stroke) page.drawRectangle({ ...shape, borderColor: colour, borderWidth: 0.5 });
  else page.drawRectangle({ x: shape.x, y: shape.y, width: shape.width, height: shape.height, color: colour });
}

/**
 * Tagged PDF (ISO 32000-1 §14.8): every drawing of a block is marked content with an MCID (`/P <</MCID n>> BDC …
 * EMC`), every other drawing an `/Artifact`; the structure tree holds a Document element whose children are the
 * blocks in reading order, each pointing at its marked content on its pages; the parent tree maps each page's MCIDs
 * back to their elements, which is what assistive technology and reflow read.
 */
class TaggedContent {
  private readonly elements: { readonly block: PdfBlock; readonly kids: { page: PDFRef; mcid: number }[] }[];
  private readonly parents: PDFRef[][] = [];
  private page?: { readonly page: PDFPage; readonly index: number };
  private readonly root: PDFRef;

  constructor(
    private readonly document: PDFDocument,
    blocks: readonly PdfBlock[],
  ) {
    this.elements = blocks.map((block) => ({ block, kids: [] }));
    this.root = document.context.nextRef();
  }

  startPage(page: PDFPage, index: number): void {
    this.page = { page, index };
    this.parents[index] = [];
    page.node.set(PDFName.of('StructParents'), this.document.context.obj(index));
    page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
  }

  /** Run `draw` inside marked content: of `block` when given, else as an artifact. */
  mark(block: number | undefined, draw: () => void): void {
    const { page, index } = this.page!;
    const element = block === undefined ? undefined : this.elements[block];
    if (!element) {
      page.pushOperators(PDFOperator.of(PDFOperatorNames.BeginMarkedContent, [PDFName.of('Artifact')]));
    } else {
      const mcid = this.parents[index]!.length;
      this.parents[index]!.push(this.elementRef(block!));
      element.kids.push({ page: page.ref, mcid });
      const tag = element.block.tag;
      page.pushOperators(
        PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [
          PDFName.of(tag),
          // An inline property list: pdf-lib writes a string operand as it is, and this one is only a number.
          `<< /MCID ${mcid} >>`,
        ]),
      );
    }
    draw();
    page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
  }

  private readonly refs = new Map<number, PDFRef>();

  private elementRef(block: number): PDFRef {
    let ref = this.refs.get(block);
    if (!ref) {
      ref = this.document.context.nextRef();
      this.refs.set(block, ref);
    }
    return ref;
  }

  /** Write the structure tree, the parent tree and the catalog entries that declare the file tagged. */
  finish(language: string): void {
    const { context, catalog } = this.document;
    const documentRef = context.nextRef();
    const children: PDFRef[] = [];
    this.elements.forEach((element, block) => {
      if (element.kids.length === 0) return;
      const ref = this.elementRef(block);
      children.push(ref);
      const firstPage = element.kids[0]!.page;
      // A bare MCID means "on the element's page" (/Pg); only content continued on another page needs a reference.
      const kids = element.kids.map((kid) =>
        kid.page === firstPage ? context.obj(kid.mcid) : context.obj({ Type: 'MCR', Pg: kid.page, MCID: kid.mcid }),
      );
      context.assign(
        ref,
        context.obj({
          Type: 'StructElem',
          S: element.block.tag,
          P: documentRef,
          Pg: element.kids[0]!.page,
          K: kids,
          ...(element.block.alt === undefined ? {} : { Alt: textString(element.block.alt) }),
        }),
      );
    });
    context.assign(documentRef, context.obj({ Type: 'StructElem', S: 'Document', P: this.root, K: children }));
    const nums = this.parents.flatMap((refs, index) => [context.obj(index), context.obj(refs)]);
    context.assign(
      this.root,
      context.obj({
        Type: 'StructTreeRoot',
        K: documentRef,
        ParentTree: context.obj({ Nums: nums }),
        ParentTreeNextKey: this.parents.length,
      }),
    );
    catalog.set(PDFName.of('StructTreeRoot'), this.root);
    catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
    catalog.set(PDFName.of('Lang'), PDFString.of(language));
    catalog.set(PDFName.of('ViewerPreferences'), context.obj({ DisplayDocTitle: true }));
  }
}

/** A text string for titles and alternate text: UTF-16BE with a byte-order mark, so every script survives. */
const textString = (text: string): PDFHexString => PDFHexString.fromText(text);

/**
 * Bookmarks (the document outline, ISO 32000-1 §12.3.3): one per section, the findings nested under theirs, each
 * opening its page at the heading; the viewer shows the outline panel when the file opens.
 */
function writeOutline(pdf: PDFDocument, entries: readonly PdfOutlineEntry[]): void {
  if (entries.length === 0) return;
  const { context, catalog } = pdf;
  const pages = pdf.getPages();
  const outlinesRef = context.nextRef();
  const refs = entries.map(() => context.nextRef());
  const top = entries.flatMap((entry, index) => (entry.level === 0 ? [index] : []));
  const childrenOf = (parent: number): number[] => {
    const kids: number[] = [];
    for (let index = parent + 1; index < entries.length && entries[index]!.level === 1; index += 1) kids.push(index);
    return kids;
  };
  const link = (siblings: readonly number[], parentRef: PDFRef): void =>
    siblings.forEach((index, position) => {
      const entry = entries[index]!;
      const kids = entry.level === 0 ? childrenOf(index) : [];
      if (kids.length > 0) link(kids, refs[index]!);
      context.assign(
        refs[index]!,
        context.obj({
          Title: textString(entry.title),
          Parent: parentRef,
          Dest: [pages[entry.page]!.ref, 'XYZ', null, entry.y, null],
          ...(position > 0 ? { Prev: refs[siblings[position - 1]!]! } : {}),
          ...(position + 1 < siblings.length ? { Next: refs[siblings[position + 1]!]! } : {}),
          ...(kids.length > 0 ? { First: refs[kids[0]!]!, Last: refs[kids.at(-1)!]!, Count: -kids.length } : {}),
        }),
      );
    });
  link(top, outlinesRef);
  context.assign(
    outlinesRef,
    context.obj({ Type: 'Outlines', First: refs[top[0]!]!, Last: refs[top.at(-1)!]!, Count: top.length }),
  );
  catalog.set(PDFName.of('Outlines'), outlinesRef);
  catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/**
 * Serialise laid-out pages with pdf-lib: DejaVu Sans and DejaVu Sans Mono embedded as subsets (only the glyphs used,
 * with a ToUnicode map, so text stays selectable and searchable), the info dictionary's dates set to the report's
 * generation time and no document ID, so the same pages always give the same bytes. Text reaches the file only as
 * glyph ids in hex strings: evidence text cannot end a string or inject an operator.
 */
export async function writePdf(
  pages: readonly PdfPage[],
  info: { readonly title: string; readonly createdAt: string },
  structure: PdfStructure,
): Promise<Uint8Array> {
  const document = await PDFDocument.create({ updateMetadata: false });
  document.registerFontkit(fontkit);
  // Subset fonts are named TAG+Name (ISO 32000-1 §9.6.4), which tells readers the program is partial; pdf-lib's own
  // name (Name-NNNN) does not say so. The tags are fixed: each report embeds exactly these two subsets.
  const sans = await document.embedFont(fontPrograms().sans, { subset: true, customName: 'TTSANS+DejaVuSans' });
  const mono = await document.embedFont(fontPrograms().mono, { subset: true, customName: 'TTMONO+DejaVuSansMono' });
  const faces: Readonly<Record<PdfFont, PDFFont>> = { regular: sans, bold: sans, mono };
  const tagged = new TaggedContent(document, structure.blocks);
  pages.forEach((laidOut, index) => {
    const page = document.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    tagged.startPage(page, index);
    for (const rule of laidOut.rules)
      tagged.mark(undefined, () =>
        page.drawLine({
          start: { x: rule.x1, y: rule.y },
          end: { x: rule.x2, y: rule.y },
          thickness: 0.5,
          color: grayscale(0.6),
        }),
      );
    for (const shape of laidOut.shapes) tagged.mark(shape.block, () => drawShape(page, shape));
    for (const run of laidOut.runs) {
      if (run.text === '') continue;
      tagged.mark(run.block, () => {
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
      });
    }
  });
  tagged.finish(structure.language);
  writeOutline(document, structure.outline);
  document.setTitle(info.title);
  document.setProducer('Tokentrail');
  document.setCreator('Tokentrail');
  document.setCreationDate(dateOf(info.createdAt));
  document.setModificationDate(dateOf(info.createdAt));
  return document.save({ useObjectStreams: false });
}
