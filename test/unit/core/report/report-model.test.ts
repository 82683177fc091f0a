import { describe, expect, it } from 'vitest';
import { buildReport, renderReportHtml, reportCsp, REDACTED } from '../../../../core/report';
import { RECOVERED_SECRET, reportInput, TOKEN, TOKEN_HASH } from './report-fixture';

const GENERATED_AT = Date.UTC(2026, 11, 1, 10, 0, 0);

describe('buildReport', () => {
  it('includes by default the confirmed findings and the open high and critical ones, not the false positives', () => {
    const model = buildReport(reportInput(), { generatedAt: GENERATED_AT });
    expect(model.selection).toBe('default');
    expect(model.findings.map((finding) => `${finding.key} ${finding.disposition}`)).toEqual([
      'weak open',
      'replay confirmed',
    ]);
  });

  it('without annotations (the CLI) every high and critical finding counts as open', () => {
    const model = buildReport({ ...reportInput(), annotations: undefined }, { generatedAt: GENERATED_AT });
    expect(model.findings.map((finding) => finding.key)).toEqual(['weak', 'expiry']);
    expect(model.annotations).toEqual([]);
  });

  it("takes the investigator's own choice of findings when given", () => {
    const model = buildReport(reportInput(), { generatedAt: GENERATED_AT, findingKeys: ['expiry'] });
    expect(model).toMatchObject({
      selection: 'investigator',
      findings: [{ key: 'expiry', disposition: 'false-positive' }],
    });
  });

  it('redacts token signatures and masks recovered secrets by default, everywhere they appear', () => {
    const model = buildReport(reportInput(), { generatedAt: GENERATED_AT });
    const json = JSON.stringify(model);
    const signature = TOKEN.split('.')[2]!;
    expect(json).not.toContain(signature);
    expect(json).not.toContain('secret123');
    expect(model.secretsIncluded).toBe(false);
    expect(model.tokens).toEqual([
      expect.objectContaining({ sha256: TOKEN_HASH, compact: `${TOKEN.split('.').slice(0, 2).join('.')}.${REDACTED}` }),
    ]);
    expect(model.findings[0]!.evidence[0]!.record).toContain(`.${REDACTED} `);
    expect(model.findings[0]!.message).toBe('The HMAC secret is [recovered secret masked] (the built-in list).');
  });

  it('includes whole tokens and secrets only when asked, and says so', () => {
    const model = buildReport(reportInput(), { generatedAt: GENERATED_AT, includeSecrets: true });
    expect(model.secretsIncluded).toBe(true);
    expect(model.tokens[0]!.compact).toBe(TOKEN);
    expect(model.findings[0]!.message).toContain(RECOVERED_SECRET);
    expect(renderReportHtml(model)).toContain('includes whole tokens and recovered secrets');
  });

  it('keeps annotations of included items with author and time, and the journal head', () => {
    const model = buildReport(reportInput(), { generatedAt: GENERATED_AT });
    expect(model.annotations).toEqual([
      expect.objectContaining({ target: 'finding:replay', author: 'Ada', at: '1970-01-01T00:00:00.000Z' }),
    ]);
    expect(model.journal).toEqual({ headHash: 'c'.repeat(64), length: 12 });
  });

  it('derives recommendations with references from the reported findings', () => {
    const model = buildReport({ ...reportInput(), annotations: undefined }, { generatedAt: GENERATED_AT });
    expect(model.recommendations.map((item) => [item.id, item.findings])).toEqual([
      ['rotate-key', ['weak']],
      ['shorten-lifetimes', ['expiry']],
    ]);
    expect(model.recommendations[0]!.references).toContain('RFC 8725 §3.5');
  });
});

describe('renderReportHtml', () => {
  const html = renderReportHtml(buildReport(reportInput(), { generatedAt: GENERATED_AT }));

  it('writes every hostile value as text: no element, no script, no handler comes from the evidence', () => {
    expect(html).not.toMatch(/<img|<script|<\/script>/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;');
    // The claim, the log record, the note, the case title and the summary each carry it.
    expect(html.split('&lt;img src=x').length - 1).toBeGreaterThanOrEqual(5);
  });

  it('carries a CSP that lets nothing run or load, with the stylesheet allowed by its hash', () => {
    expect(reportCsp()).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; img-src data:/);
    expect(html).toContain(`content="${reportCsp().replace(/'/g, '&#39;')}"`);
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
  });
});
