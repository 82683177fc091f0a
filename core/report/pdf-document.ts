import { pdfString, type PdfFont } from './pdf-text';

/** A4 in points. */
export const PAGE_WIDTH = 595;
export const PAGE_HEIGHT = 842;

const FONT_RESOURCE: Readonly<Record<PdfFont, string>> = { regular: 'F1', bold: 'F2', mono: 'F3' };
const FONT_NAME: Readonly<Record<PdfFont, string>> = { regular: 'Helvetica', bold: 'Helvetica-Bold', mono: 'Courier' };

/** One page being drawn: text runs and rules, in PDF content-stream operators. */
export class PdfPage {
  readonly operators: string[] = [];

  /** Draw one line of WinAnsi bytes with its baseline at (x, y). */
  text(x: number, y: number, bytes: readonly number[], font: PdfFont, size: number, grey = 0): void {
    this.operators.push(
      `BT ${grey.toFixed(2)} g /${FONT_RESOURCE[font]} ${size} Tf ${x.toFixed(2)} ${y.toFixed(2)} Td ${pdfString(bytes)} Tj ET`,
    );
  }

  /** A horizontal rule. */
  rule(x1: number, x2: number, y: number): void {
    this.operators.push(`0.6 G 0.5 w ${x1.toFixed(2)} ${y.toFixed(2)} m ${x2.toFixed(2)} ${y.toFixed(2)} l S`);
  }
}

/**
 * A text string for the document information dictionary, which is not WinAnsi but PDFDocEncoding or UTF-16BE: the
 * whole title as a UTF-16BE hex string with its byte order mark, so every character survives and the file stays ASCII.
 */
function utf16HexString(text: string): string {
  let hex = '<FEFF';
  for (let index = 0; index < text.length; index += 1) hex += text.charCodeAt(index).toString(16).padStart(4, '0');
  return `${hex}>`;
}

/** A PDF date `D:YYYYMMDDHHmmSSZ` from an ISO 8601 UTC time. */
function pdfDate(iso: string): string {
  return `D:${iso.slice(0, 19).replace(/[-T:]/g, '')}Z`;
}

/**
 * Serialise pages into a PDF 1.4 file: the standard 14 fonts (no font program is embedded: every conforming reader
 * has Helvetica and Courier), WinAnsiEncoding, uncompressed content streams, and no time but the one given, so the
 * same pages always give the same bytes. Everything written is ASCII.
 */
export function writePdf(
  pages: readonly PdfPage[],
  info: { readonly title: string; readonly createdAt: string },
): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const catalog = add('');
  const pageTree = add('');
  const fonts = (Object.keys(FONT_RESOURCE) as PdfFont[]).map((font) =>
    add(`<< /Type /Font /Subtype /Type1 /BaseFont /${FONT_NAME[font]} /Encoding /WinAnsiEncoding >>`),
  );
  const fontDictionary = (Object.keys(FONT_RESOURCE) as PdfFont[])
    .map((font, index) => `/${FONT_RESOURCE[font]} ${fonts[index]} 0 R`)
    .join(' ');
  const kids = pages.map((page) => {
    const stream = page.operators.join('\n');
    const content = add(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
    return add(
      `<< /Type /Page /Parent ${pageTree} 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << ${fontDictionary} >> >> /Contents ${content} 0 R >>`,
    );
  });
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pageTree} 0 R >>`;
  objects[pageTree - 1] =
    `<< /Type /Pages /Kids [${kids.map((kid) => `${kid} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const infoObject = add(
    `<< /Title ${utf16HexString(info.title)} /Producer (Tokentrail) /CreationDate (${pdfDate(info.createdAt)}) >>`,
  );
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(out.length);
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${infoObject} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}
