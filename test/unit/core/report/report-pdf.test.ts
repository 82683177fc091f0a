import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { runInNewContext } from 'node:vm';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  buildReport,
  createReportPackage,
  renderReportPdf,
  verifyReportPackage,
  type ReportInput,
} from '../../../../core/report';
import { pdfFontMetrics } from '../../../../core/report/pdf-document';
import { printableText, wrapText } from '../../../../core/report/pdf-text';
import { reportInput, webCryptoSigner } from './report-fixture';

const GENERATED_AT = Date.UTC(2026, 11, 1, 10, 0, 0);
const OUT = path.resolve('test-results/report-pdf');
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const hasPoppler = spawnSync('pdftoppm', ['-v']).error === undefined;

/** A PDF operator an attacker would love to smuggle in through a claim or a note. */
const PDF_INJECTION = ') Tj ET BT /F2 60 Tf 100 400 Td (FORGED';

/** Claims in scripts DejaVu Sans covers (Cyrillic, Greek, Latin with diacritics) and one it does not (CJK). */
const CYRILLIC = 'Пользователь: Иван Петров';
const GREEK = 'Χρήστης: Αλέξανδρος';
const LATIN = 'Łódź Größe façade';

function inputWith(text: string): ReportInput {
  const input = reportInput();
  return {
    ...input,
    case: {
      ...input.case,
      summary: text,
      limitations: `Lines\r\nand 中文 and emoji 🙂 and \u202e bidi\nsubject ${CYRILLIC}; ${GREEK}; ${LATIN}`,
    },
  };
}

const pdfOf = (input: ReportInput) => renderReportPdf(buildReport(input, { generatedAt: GENERATED_AT }));

/** Write a PDF under test-results and return poppler's text of it. */
function pdfText(name: string, bytes: Uint8Array): { file: string; text: string } {
  mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, name);
  writeFileSync(file, bytes);
  return { file, text: spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout };
}

describe('report.pdf', () => {
  it('reads back as a PDF: pages, embedded subset fonts with ToUnicode maps, the report time as its dates', async () => {
    const bytes = await pdfOf(reportInput());
    const document = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(document.getPageCount()).toBeGreaterThanOrEqual(2);
    expect(document.getCreationDate()?.toISOString()).toBe('2026-12-01T10:00:00.000Z');
    expect(document.getModificationDate()?.toISOString()).toBe('2026-12-01T10:00:00.000Z');
    const text = latin1(bytes);
    // Both fonts are embedded (FontFile2) as subsets (six-letter tag) and map glyphs back to text (ToUnicode).
    expect(text.match(/\/FontFile2/g)).toHaveLength(2);
    expect(text.match(/\/BaseFont \/TT[A-Z]{4}\+DejaVuSans(Mono)?\b/g)).toHaveLength(4);
    expect(text.match(/\/ToUnicode/g)).toHaveLength(2);
    expect(text).not.toMatch(/\/ID\s*\[/);
  });

  it('is deterministic: the same model gives the same bytes', async () => {
    expect(await pdfOf(inputWith('x'))).toEqual(await pdfOf(inputWith('x')));
  });

  it('prints what DejaVu lacks and every invisible character as [U+XXXX], never a look-alike or nothing', () => {
    const sans = pdfFontMetrics().regular;
    expect(printableText('中 🙂 \u202e \u0007 \u200b', sans)).toBe('[U+4E2D] [U+1F642] [U+202E] [U+0007] [U+200B]');
    expect(printableText(`${CYRILLIC} ${GREEK} € – “x” é`, sans)).toBe(`${CYRILLIC} ${GREEK} € – “x” é`);
    expect(printableText('a\r\nb\rc\nd\te', sans)).toBe('a\nb\nc\nd e');
  });

  it('wraps long unbroken text (a hash, a token) inside the line width', () => {
    const mono = pdfFontMetrics().mono;
    const lines = wrapText('x'.repeat(500), 200, 10, mono);
    const perLine = Math.floor(200 / ((mono.advance(0x78) * 10) / 1000));
    expect(lines.length).toBe(Math.ceil(500 / perLine));
    expect(lines.join('')).toHaveLength(500);
  });

  it('is listed in the manifest and signed with the rest; a flipped byte in it is caught', async () => {
    const signer = await webCryptoSigner('EdDSA');
    const files = await createReportPackage(buildReport(reportInput(), { generatedAt: GENERATED_AT }), signer, {
      formats: ['json', 'html', 'pdf'],
      signedAt: GENERATED_AT,
    });
    const map = new Map(files.map((file) => [file.path, file.bytes]));
    expect(
      JSON.parse(new TextDecoder().decode(map.get('manifest.json'))).files.map((f: { path: string }) => f.path),
    ).toEqual(['report.html', 'report.json', 'report.pdf']);
    expect((await verifyReportPackage(map, {})).verified).toBe(true);
    const pdf = map.get('report.pdf')!.slice();
    const middle = pdf.length >> 1;
    pdf[middle] = pdf[middle]! ^ 0x01;
    const changed = await verifyReportPackage(new Map([...map, ['report.pdf', pdf]]), {});
    expect(changed.verified).toBe(false);
    expect(changed.checks.find((check) => check.status === 'fail')?.file).toBe('report.pdf');
  });

  it.skipIf(!hasPoppler)('renders with poppler (pdftoppm), every page; hostile text is only text', async () => {
    const { file, text } = pdfText('report.pdf', await pdfOf(inputWith(`Summary with ${PDF_INJECTION}`)));
    const rendered = spawnSync('pdftoppm', ['-r', '70', '-png', file, path.join(OUT, 'page')], { encoding: 'utf8' });
    expect(rendered.stderr).toBe('');
    expect(rendered.status).toBe(0);
    const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info.stdout).toMatch(/Pages:\s+[1-9]/);
    // The title (UTF-16 in the info dictionary) keeps every character, the fixture's hostile text included.
    expect(info.stdout).toContain('Title:           Tokentrail report: Case with <img src=x onerror=alert(1)>');
    const fonts = spawnSync('pdffonts', [file], { encoding: 'utf8' }).stdout;
    expect(fonts).toMatch(/TTSANS\+DejaVuSans\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(text).toContain('Page 1 of');
    // The injected "operators" are on the page as the words they are, and drew nothing of their own.
    expect(text).toContain(PDF_INJECTION.trim());
    expect(text).not.toMatch(/^FORGED/m);
  });

  it.skipIf(!hasPoppler)(
    'keeps a Cyrillic, Greek or accented claim as selectable text; CJK as its code points',
    async () => {
      const { text } = pdfText('scripts.pdf', await pdfOf(inputWith('summary')));
      expect(text).toContain(`subject ${CYRILLIC}; ${GREEK}; ${LATIN}`);
      // DejaVu has no CJK or emoji glyphs: those are printed as markers, the text still says what was there.
      expect(text).toContain('and [U+4E2D][U+6587] and emoji [U+1F642] and [U+202E] bidi');
    },
  );

  it('runs without Node or DOM: bundled for a neutral platform, it renders in a bare JavaScript context', async () => {
    const bundle = await build({
      stdin: {
        contents: `import { renderReportPdf } from './core/report/render-pdf';\nglobalThis.render = renderReportPdf;`,
        resolveDir: path.resolve('.'),
        loader: 'ts',
      },
      bundle: true,
      platform: 'neutral',
      mainFields: ['module', 'main'],
      format: 'iife',
      write: false,
      logLevel: 'silent',
    });
    // What core/platform.d.ts promises every host (TextEncoder/TextDecoder) and setTimeout/clearTimeout, which fontkit's bundled
    // stream shim schedules with while it writes the subset font; no Buffer, process, window, document or require.
    const context: Record<string, unknown> = { TextEncoder, TextDecoder, setTimeout, clearTimeout };
    runInNewContext(bundle.outputFiles[0]!.text, context);
    const model = buildReport(inputWith('bare'), { generatedAt: GENERATED_AT });
    const render = context.render as (model: unknown) => Promise<Uint8Array>;
    const bytes = await render(JSON.parse(JSON.stringify(model)));
    expect(Buffer.from(bytes)).toEqual(Buffer.from(await renderReportPdf(model)));
  }, 60_000);
});
