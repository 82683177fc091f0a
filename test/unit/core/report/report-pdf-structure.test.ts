// report.pdf's logical structure: bookmarks per section and per finding, a tagged structure tree (Document →
// headings, paragraphs, figures with alternate text) whose marked content is in the pages, and the language and title
// a reader announces. Read back with pdf-lib's object model and with poppler.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { buildReport, renderReportPdf } from '../../../../core/report';
import { reportInput } from './report-fixture';

const GENERATED_AT = Date.UTC(2026, 11, 1, 10, 0, 0);
const hasPoppler = spawnSync('pdfinfo', ['-v']).error === undefined;

const textOf = (value: unknown): string =>
  value instanceof PDFHexString || value instanceof PDFString ? value.decodeText() : String(value);

describe('report.pdf structure', async () => {
  const model = buildReport(reportInput(), { generatedAt: GENERATED_AT });
  const bytes = await renderReportPdf(model);
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const { catalog, context } = pdf;
  const dict = (value: unknown) => (value instanceof PDFRef ? context.lookup(value, PDFDict) : (value as PDFDict));

  it('has a bookmark per section, the findings nested under theirs, each opening a page of the file', () => {
    const outlines = dict(catalog.get(PDFName.of('Outlines')));
    expect(catalog.get(PDFName.of('PageMode'))).toBe(PDFName.of('UseOutlines'));
    const titles: string[] = [];
    const pageRefs = new Set(pdf.getPages().map((page) => page.ref));
    const walk = (first: unknown, depth: number) => {
      for (let item = first; item instanceof PDFRef; item = dict(item).get(PDFName.of('Next'))) {
        const entry = dict(item);
        titles.push(`${'  '.repeat(depth)}${textOf(entry.get(PDFName.of('Title')))}`);
        const destination = entry.get(PDFName.of('Dest')) as PDFArray;
        expect(pageRefs.has(destination.get(0) as PDFRef)).toBe(true);
        walk(entry.get(PDFName.of('First')), depth + 1);
      }
    };
    walk(outlines.get(PDFName.of('First')), 0);
    expect(titles.filter((title) => !title.startsWith(' '))).toEqual([
      '1. Summary and limitations',
      '2. Findings',
      '3. Recommendations',
      '4. API verification',
      '5. Tokens',
      '6. Annotations',
      '7. Journal',
      '8. Evidence inventory',
      '9. Method',
    ]);
    const nested = titles.filter((title) => title.startsWith('  '));
    expect(nested).toHaveLength(model.findings.length);
    expect(nested[0]).toBe(`  ${model.findings[0]!.title} (${model.findings[0]!.severity})`);
  });

  it('is tagged: MarkInfo, a structure tree of headings, paragraphs and figures, language and title', () => {
    expect(
      dict(catalog.get(PDFName.of('MarkInfo')))
        .get(PDFName.of('Marked'))
        ?.toString(),
    ).toBe('true');
    expect(textOf(catalog.get(PDFName.of('Lang')))).toBe('en');
    expect(pdf.getTitle()).toBe(`Tokentrail report: ${model.case.title}`);
    const root = dict(catalog.get(PDFName.of('StructTreeRoot')));
    const document = dict(root.get(PDFName.of('K')));
    expect(document.get(PDFName.of('S'))).toBe(PDFName.of('Document'));
    const elements = (document.get(PDFName.of('K')) as PDFArray).asArray().map(dict);
    const tags = elements.map((element) => (element.get(PDFName.of('S')) as PDFName).decodeText());
    expect(tags.filter((tag) => tag === 'H1')).toHaveLength(1);
    expect(tags.filter((tag) => tag === 'H2')).toHaveLength(10); // Contents and the nine sections
    // Each finding, and the two figure headings (token lifecycles, map).
    expect(tags.filter((tag) => tag === 'H3')).toHaveLength(model.findings.length + 2);
    expect(tags.filter((tag) => tag === 'P').length).toBeGreaterThan(50);
    for (const element of elements.filter((_, index) => tags[index] === 'Figure'))
      expect(textOf(element.get(PDFName.of('Alt')))).toMatch(/\w{10}/);
    // Every page says which parent-tree entry maps its marked content, and every MCID of it is in the tree.
    const parents = (dict(root.get(PDFName.of('ParentTree'))).get(PDFName.of('Nums')) as PDFArray).asArray();
    pdf.getPages().forEach((page, index) => {
      expect((page.node.get(PDFName.of('StructParents')) as PDFNumber).asNumber()).toBe(index);
      expect((parents[2 * index] as PDFNumber).asNumber()).toBe(index);
    });
  });

  it.skipIf(!hasPoppler)('poppler reads it as tagged, with the structure', () => {
    const dir = path.resolve('test-results/report-pdf');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'structure.pdf');
    writeFileSync(file, bytes);
    expect(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout).toMatch(/Tagged:\s+yes/);
    const structure = spawnSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' }).stdout;
    expect(structure).toContain('Document');
    expect(structure).toMatch(/H2[\s\S]*"1\. Summary and limitations"/);
  });
});
