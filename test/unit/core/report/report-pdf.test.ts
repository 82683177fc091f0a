import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildReport,
  createReportPackage,
  renderReportPdf,
  verifyReportPackage,
  type ReportInput,
} from '../../../../core/report';
import { pdfString, winAnsiBytes, wrapBytes } from '../../../../core/report/pdf-text';
import { reportInput, webCryptoSigner } from './report-fixture';

const GENERATED_AT = Date.UTC(2026, 11, 1, 10, 0, 0);
const OUT = path.resolve('test-results/report-pdf');
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/** A PDF operator an attacker would love to smuggle in through a claim or a note. */
const PDF_INJECTION = ') Tj ET BT /F2 60 Tf 100 400 Td (FORGED';

function inputWith(text: string): ReportInput {
  const input = reportInput();
  return {
    ...input,
    case: { ...input.case, summary: text, limitations: `Lines\r\nand 中文 and emoji 🙂 and \u202e bidi` },
  };
}

const pdfOf = (input: ReportInput) => renderReportPdf(buildReport(input, { generatedAt: GENERATED_AT }));

describe('report.pdf', () => {
  it('is a well-formed PDF: every xref offset points at its object, and the trailer at the xref', () => {
    const text = latin1(pdfOf(reportInput()));
    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    expect(text.endsWith('%%EOF\n')).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]));
    offsets.forEach((offset, index) => expect(text.slice(offset).startsWith(`${index + 1} 0 obj\n`)).toBe(true));
    expect(/[^\x00-\x7f]/.test(text)).toBe(false);
  });

  it('is deterministic: the same model gives the same bytes', () => {
    expect(pdfOf(reportInput())).toEqual(pdfOf(reportInput()));
  });

  it('keeps evidence text inert: parentheses and backslashes are escaped inside strings, never operators', () => {
    const text = latin1(pdfOf(inputWith(PDF_INJECTION)));
    expect(text).not.toContain(PDF_INJECTION);
    expect(text).toContain('\\) Tj ET BT /F2 60 Tf 100 400 Td \\(FORGED');
    expect(pdfString(winAnsiBytes('a\\b(c)'))).toBe('(a\\\\b\\(c\\))');
  });

  it('prints what WinAnsi cannot show as [U+XXXX], never a look-alike or nothing', () => {
    expect(String.fromCharCode(...winAnsiBytes('中 🙂 \u202e \u0007'))).toBe('[U+4E2D] [U+1F642] [U+202E] [U+0007]');
    expect(winAnsiBytes('€ – “x” é')).toEqual([0x80, 0x20, 0x96, 0x20, 0x93, 0x78, 0x94, 0x20, 0xe9]);
    expect(winAnsiBytes('a\r\nb\rc\nd').filter((byte) => byte === 0x0a)).toHaveLength(3);
    const text = latin1(pdfOf(inputWith('summary')));
    expect(text).toContain('[U+4E2D][U+6587]');
    expect(text).toContain('[U+1F642]');
  });

  it('wraps long unbroken text (a hash, a token) inside the line width', () => {
    const lines = wrapBytes(winAnsiBytes('x'.repeat(500)), 200, 10, 'mono');
    expect(lines.length).toBe(Math.ceil(500 / Math.floor(200 / 6)));
    expect(lines.flat()).toHaveLength(500);
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

  it.skipIf(spawnSync('pdftoppm', ['-v']).error !== undefined)('renders with poppler (pdftoppm), every page', () => {
    mkdirSync(OUT, { recursive: true });
    const file = path.join(OUT, 'report.pdf');
    writeFileSync(file, pdfOf(inputWith(`Summary with ${PDF_INJECTION}`)));
    const rendered = spawnSync('pdftoppm', ['-r', '70', '-png', file, path.join(OUT, 'page')], { encoding: 'utf8' });
    expect(rendered.stderr).toBe('');
    expect(rendered.status).toBe(0);
    const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info.stdout).toMatch(/Pages:\s+[1-9]/);
    // The title (UTF-16 in the info dictionary) keeps every character, the fixture's hostile text included.
    expect(info.stdout).toContain('Title:           Tokentrail report: Case with <img src=x onerror=alert(1)>');
    const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('Page 1 of');
    expect(text).toContain(PDF_INJECTION.trim());
  });
});
