import {
  PAGE_HEIGHT,
  PAGE_WIDTH,
  PdfPage,
  pdfFontMetrics,
  writePdf,
  type PdfBlock,
  type PdfFont,
  type PdfOutlineEntry,
} from './pdf-document';
import { figuresSection } from './pdf-figures';
import { printableText, wrapText } from './pdf-text';
import type { ReportModel } from './types';

const MARGIN = 50;
const TOP = PAGE_HEIGHT - 60;
const BOTTOM = 60;
const WIDTH = PAGE_WIDTH - 2 * MARGIN;

interface TextStyle {
  readonly font?: PdfFont;
  readonly size?: number;
  readonly indent?: number;
  readonly grey?: number;
  /** The structure element the paragraph is (default P). */
  readonly tag?: PdfBlock['tag'];
}

/**
 * Flowing text down pages: a new page when the next line would not fit above the footer. Every paragraph, heading
 * and figure is a block of the tagged PDF's structure, in reading order; headings are bookmarked too.
 */
export class PdfLayout {
  readonly pages: PdfPage[] = [];
  readonly blocks: PdfBlock[] = [];
  readonly outline: PdfOutlineEntry[] = [];
  private page!: PdfPage;
  private y = TOP;

  constructor() {
    this.newPage();
  }

  get pageNumber(): number {
    return this.pages.length;
  }

  newPage(): void {
    this.page = new PdfPage();
    this.pages.push(this.page);
    this.y = TOP;
  }

  /** Keep the next `height` points together (a heading with its first lines). */
  keep(height: number): void {
    if (this.y - height < BOTTOM) this.newPage();
  }

  gap(points: number): void {
    this.y -= points;
  }

  /** A new structure block; its index is what text and shapes name. */
  block(block: PdfBlock): number {
    this.blocks.push(block);
    return this.blocks.length - 1;
  }

  /** Bookmark the current position (the top of the next line) as `title`. */
  bookmark(title: string, level: 0 | 1): void {
    this.outline.push({ title, page: this.pages.length - 1, y: Math.round(this.y + 14), level });
  }

  /** One paragraph, wrapped to the text width. */
  paragraph(text: string, style: TextStyle = {}): void {
    const { font = 'regular', size = 9.5, indent = 0, grey = 0, tag = 'P' } = style;
    const leading = size * 1.35;
    const metrics = pdfFontMetrics()[font];
    const block = this.block({ tag });
    for (const line of wrapText(printableText(text, metrics), WIDTH - indent, size, metrics)) {
      this.keep(leading);
      this.y -= leading;
      this.page.text(MARGIN + indent, this.y, line, font, size, grey, block);
    }
  }

  /**
   * A figure `height` points tall, kept whole on one page: `draw` gets the page, the block to put its shapes and
   * labels in, and the figure's top edge. `alt` is its alternate text in the structure tree.
   */
  figure(alt: string, height: number, draw: (page: PdfPage, block: number, top: number) => void): void {
    this.keep(height + 6);
    this.gap(4);
    draw(this.page, this.block({ tag: 'Figure', alt }), this.y);
    this.y -= height;
  }

  /** A section heading with a rule under it, bookmarked; returns the page it starts on. */
  heading(text: string): number {
    this.keep(70);
    this.gap(10);
    this.bookmark(text, 0);
    this.paragraph(text, { font: 'bold', size: 13, tag: 'H2' });
    this.gap(3);
    this.page.rule(MARGIN, MARGIN + WIDTH, this.y);
    this.gap(4);
    return this.pageNumber;
  }

  /** Reserve `count` lines here and hand back where each is, to be drawn once the pages are known (the contents). */
  reserveLines(count: number, size: number): { page: PdfPage; y: number; block: number }[] {
    const slots = [];
    for (let index = 0; index < count; index += 1) {
      this.y -= size * 1.5;
      slots.push({ page: this.page, y: this.y, block: this.block({ tag: 'P' }) });
    }
    return slots;
  }
}

const compactJson = (value: unknown): string => JSON.stringify(value) ?? 'null';

const SECTIONS = [
  'Summary and limitations',
  'Findings',
  'Recommendations',
  'API verification',
  'Tokens',
  'Annotations',
  'Journal',
  'Evidence inventory',
  'Method',
] as const;

type Section = (typeof SECTIONS)[number];

function caseSection(layout: PdfLayout, model: ReportModel): void {
  layout.paragraph('Summary', { font: 'bold' });
  layout.paragraph(model.case.summary || '(The investigator wrote no summary.)');
  layout.gap(6);
  layout.paragraph('Limitations', { font: 'bold' });
  layout.paragraph(model.case.limitations || '(The investigator wrote no limitations statement.)');
}

function findingsSection(layout: PdfLayout, model: ReportModel): void {
  layout.paragraph(
    `${model.findings.length} finding(s), chosen ${model.selection === 'default' ? 'by the default rule: confirmed, plus open high and critical' : 'by the investigator'}.`,
    { grey: 0.35 },
  );
  figuresSection(layout, model, MARGIN, WIDTH);
  for (const finding of model.findings) {
    layout.keep(60);
    layout.gap(6);
    layout.bookmark(`${finding.title} (${finding.severity})`, 1);
    layout.paragraph(`[${finding.severity.toUpperCase()}] ${finding.title} (${finding.id}) - ${finding.disposition}`, {
      font: 'bold',
      size: 10.5,
      tag: 'H3',
    });
    if (finding.severity !== finding.engineSeverity)
      layout.paragraph(
        `Severity set by the investigator (engine: ${finding.engineSeverity}): ${finding.severityOverrideReason ?? ''}`,
        { grey: 0.35 },
      );
    layout.paragraph(finding.message);
    layout.paragraph(finding.explanation, { grey: 0.3 });
    if (finding.subject) layout.paragraph(`Subject: ${finding.subject}`);
    layout.paragraph(`Evidence (${finding.evidence.length} of ${finding.eventCount} record(s)):`, {
      font: 'bold',
      size: 9,
    });
    for (const row of finding.evidence) {
      const where = row.line !== undefined ? `:${row.line}` : row.index !== undefined ? `[${row.index}]` : '';
      layout.paragraph(`${row.role}  ${row.time ?? 'no time'}  ${row.file}${where}  sha256 ${row.sha256}`, {
        font: 'mono',
        size: 7.5,
        indent: 10,
      });
      if (row.record !== null) layout.paragraph(row.record, { font: 'mono', size: 7.5, indent: 20, grey: 0.3 });
    }
    for (const key of finding.keys)
      layout.paragraph(`Key ${key.kid ?? '(no kid)'} thumbprint ${key.thumbprint ?? '(unknown)'}`, {
        indent: 10,
        size: 8.5,
      });
    if (finding.tokenHashes.length > 0)
      layout.paragraph(`Tokens: ${finding.tokenHashes.join(', ')}`, { font: 'mono', size: 7.5, indent: 10 });
    if (finding.references.length > 0) layout.paragraph(`References: ${finding.references.join('; ')}`, { size: 8.5 });
  }
}

function recommendationsSection(layout: PdfLayout, model: ReportModel): void {
  if (model.recommendations.length === 0) layout.paragraph('No recommendation follows from the reported findings.');
  for (const recommendation of model.recommendations) {
    layout.gap(3);
    layout.paragraph(recommendation.text);
    layout.paragraph(`References: ${recommendation.references.join('; ')}`, { size: 8.5, indent: 10, grey: 0.35 });
  }
}

function apisSection(layout: PdfLayout, model: ReportModel): void {
  if (model.apis.length === 0) layout.paragraph('No answered request carried a token: no API could be profiled.');
  for (const api of model.apis) {
    layout.gap(3);
    layout.paragraph(`${api.name}${api.configured ? '' : ' (not configured)'} — ${api.host ?? ''}${api.pathPrefix}`, {
      font: 'bold',
    });
    layout.paragraph(
      `${api.requests} answered requests with a token: ${api.accepted} accepted, ${api.refused} refused.`,
    );
    layout.paragraph(api.summary || 'No flaw class could be judged.', { size: 8.5, indent: 10 });
  }
}

function tokensSection(layout: PdfLayout, model: ReportModel): void {
  layout.paragraph(
    model.secretsIncluded
      ? 'Whole tokens are included, signatures and all: they are live credentials.'
      : 'Each token is shown with its signature redacted; its SHA-256 is of the whole token as found in the evidence.',
    { grey: 0.35 },
  );
  for (const token of model.tokens) {
    layout.gap(4);
    layout.paragraph(`sha256 ${token.sha256}`, { font: 'mono', size: 8 });
    layout.paragraph(`header ${compactJson(token.header)}`, { font: 'mono', size: 7.5, indent: 10 });
    layout.paragraph(`claims ${compactJson(token.claims)}`, { font: 'mono', size: 7.5, indent: 10 });
    layout.paragraph(token.compact, { font: 'mono', size: 7.5, indent: 10, grey: 0.3 });
  }
}

function annotationsSection(layout: PdfLayout, model: ReportModel): void {
  if (model.annotations.length === 0) layout.paragraph('No annotation on the reported items.');
  for (const annotation of model.annotations) {
    layout.gap(3);
    const facts = [
      annotation.disposition && `disposition ${annotation.disposition}`,
      annotation.starred && 'starred',
      annotation.tags.length > 0 && `tags ${annotation.tags.join(', ')}`,
    ].filter(Boolean);
    layout.paragraph(
      `${annotation.target} - ${annotation.author}, ${annotation.at}${facts.length ? ` - ${facts.join('; ')}` : ''}`,
      {
        size: 8.5,
        font: 'bold',
      },
    );
    if (annotation.note) layout.paragraph(annotation.note, { indent: 10 });
  }
}

function journalSection(layout: PdfLayout, model: ReportModel): void {
  layout.paragraph(
    model.journal
      ? `The case journal had ${model.journal.length} entries when the report was made; its head hash:`
      : 'There is no case journal (a report made from an evidence bundle).',
  );
  if (model.journal) layout.paragraph(model.journal.headHash, { font: 'mono', size: 8 });
}

function evidenceSection(layout: PdfLayout, model: ReportModel): void {
  for (const file of model.evidence) {
    layout.gap(3);
    layout.paragraph(`${file.path} - ${file.kind}, ${file.size} bytes, manifest verdict ${file.verdict}`, { size: 9 });
    layout.paragraph(`sha256 ${file.sha256}`, { font: 'mono', size: 7.5, indent: 10 });
    for (const entry of file.custody)
      layout.paragraph(`custody #${entry.seq} ${entry.at} ${entry.action} by ${entry.investigator}`, {
        size: 8,
        indent: 10,
        grey: 0.35,
      });
  }
}

/** A titled list of monospaced lines, or "none". */
function monoList(layout: PdfLayout, title: string, lines: readonly string[], size = 7.5): void {
  layout.paragraph(title, { font: 'bold', size: 9 });
  if (lines.length === 0) layout.paragraph('none', { indent: 10 });
  for (const line of lines) layout.paragraph(line, { font: 'mono', size, indent: 10 });
}

function methodSection(layout: PdfLayout, model: ReportModel): void {
  const { method } = model;
  layout.paragraph(`${method.toolName} ${method.toolVersion}`);
  monoList(
    layout,
    'Checks and detectors, with the parameters each ran with:',
    method.analyzers.map(
      (analyzer) => `${analyzer.kind} ${analyzer.id} ${analyzer.version} ${compactJson(analyzer.parameters)}`,
    ),
    7,
  );
  monoList(
    layout,
    'Key material (by RFC 7638 thumbprint):',
    method.keys.map((key) => `${key.thumbprint} ${key.kty} kid ${key.kid ?? '-'} from ${key.file}`),
  );
  monoList(
    layout,
    'Geolocation databases:',
    method.geoDatabases.map((database) => `${database.name} ${database.version} sha256 ${database.sha256}`),
  );
}

const RENDER: Readonly<Record<Section, (layout: PdfLayout, model: ReportModel) => void>> = {
  'Summary and limitations': caseSection,
  Findings: findingsSection,
  Recommendations: recommendationsSection,
  'API verification': apisSection,
  Tokens: tokensSection,
  Annotations: annotationsSection,
  Journal: journalSection,
  'Evidence inventory': evidenceSection,
  Method: methodSection,
};

/**
 * report.pdf: the report paginated for print and archiving — A4, a title block, contents with page numbers, every
 * section of report.html, a running header naming the case and "Page N of M" on every page. DejaVu Sans and Sans Mono
 * embedded as subsets (pdf-document.ts), so evidence text in any script DejaVu covers prints as itself and stays
 * selectable; what it does not cover is printed as `[U+XXXX]` (pdf-text.ts). Pure and deterministic: the same model
 * gives the same bytes.
 */
export async function renderReportPdf(model: ReportModel): Promise<Uint8Array> {
  const layout = new PdfLayout();
  layout.paragraph('Tokentrail case report', { font: 'bold', size: 11, grey: 0.35 });
  layout.paragraph(model.case.title, { font: 'bold', size: 18, tag: 'H1' });
  layout.gap(6);
  const facts: [string, string][] = [
    ['Case', model.case.id],
    ['Examiners', model.case.examiners.join(', ')],
    ['Generated', `${model.generatedAt} (times are UTC; the case's time zone is ${model.case.timeZone})`],
    ['Opened', model.case.openedAt ?? '-'],
    ['Evidence collected', model.case.collectedAt ?? '-'],
  ];
  for (const [name, value] of facts) layout.paragraph(`${name}: ${value}`);
  layout.gap(6);
  layout.paragraph(
    model.secretsIncluded
      ? 'THIS REPORT INCLUDES WHOLE TOKENS AND RECOVERED SECRETS: they are live credentials. Handle it accordingly.'
      : 'Tokens are shown with their signatures redacted and recovered secrets are masked.',
    { font: 'bold', size: 9.5 },
  );
  layout.paragraph(
    'This PDF is one file of a signed report package: manifest.json lists its SHA-256 and manifest.jws signs the manifest (docs/report-verification.md).',
    { size: 8.5, grey: 0.35 },
  );
  layout.gap(10);
  layout.paragraph('Contents', { font: 'bold', size: 12, tag: 'H2' });
  const slots = layout.reserveLines(SECTIONS.length, 10);
  const starts = SECTIONS.map((section, index) => {
    const page = layout.heading(`${index + 1}. ${section}`);
    RENDER[section](layout, model);
    return page;
  });
  const regular = pdfFontMetrics().regular;
  const line = (text: string): string => printableText(text, regular).replace(/\n/g, ' ');
  SECTIONS.forEach((section, index) => {
    const slot = slots[index]!;
    slot.page.text(MARGIN + 10, slot.y, line(`${index + 1}. ${section}`), 'regular', 10, 0, slot.block);
    slot.page.text(MARGIN + WIDTH - 40, slot.y, line(`page ${starts[index]}`), 'regular', 10, 0, slot.block);
  });
  const total = layout.pages.length;
  // The running header is one line: the case title is cut (by characters, never inside one) where the line ends.
  const running = wrapText(
    line(`Tokentrail case report - ${model.case.id} - ${model.case.title}`),
    WIDTH,
    8,
    regular,
  )[0]!;
  layout.pages.forEach((page, index) => {
    page.text(MARGIN, PAGE_HEIGHT - 35, running, 'regular', 8, 0.45);
    page.rule(MARGIN, MARGIN + WIDTH, PAGE_HEIGHT - 40);
    page.text(MARGIN, 30, line(`Generated ${model.generatedAt}`), 'regular', 8, 0.45);
    page.text(MARGIN + WIDTH - 60, 30, line(`Page ${index + 1} of ${total}`), 'regular', 8, 0.45);
  });
  return writePdf(
    layout.pages,
    { title: `Tokentrail report: ${model.case.title}`, createdAt: model.generatedAt },
    { blocks: layout.blocks, outline: layout.outline, language: 'en' },
  );
}
