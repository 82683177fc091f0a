import { sha256 } from '@noble/hashes/sha2.js';
import { encodeBase64Url } from '../token/strict/base64url-strict';
import { escapeHtml } from './html-escape';
import {
  annotationsSection,
  evidenceSection,
  findingsSection,
  methodSection,
  recommendationsSection,
  apisSection,
  summarySection,
  tokensSection,
} from './html-sections';
import { REPORT_STYLE } from './report-style';
import { severityFigure } from './severity-figure';
import { findingFiguresHtml } from './svg-figures';
import type { ReportModel } from './types';

/** Standard base64 (with padding) of a digest, as CSP hash sources write it. */
function base64Of(bytes: Uint8Array): string {
  const url = encodeBase64Url(bytes).replace(/-/g, '+').replace(/_/g, '/');
  return url + '='.repeat((4 - (url.length % 4)) % 4);
}

/**
 * The Content-Security-Policy of report.html: nothing may load or run — no script at all, no network, no frames,
 * no forms; only the one stylesheet (by its hash) and inline SVG. Even if a value escaped its escaping, the page
 * could do nothing with it.
 */
export function reportCsp(): string {
  const styleHash = base64Of(sha256(new TextEncoder().encode(REPORT_STYLE)));
  return `default-src 'none'; style-src 'sha256-${styleHash}'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
}

const TABLE_OF_CONTENTS = [
  ['summary', 'Summary and limitations'],
  ['findings', 'Findings'],
  ['recommendations', 'Recommendations'],
  ['apis', 'API verification'],
  ['tokens', 'Tokens involved'],
  ['annotations', 'Annotations and journal'],
  ['evidence', 'Evidence inventory'],
  ['method', 'Method'],
] as const;

/**
 * report.html: one self-contained file that reads without script (strict CSP meta, no external resource), with a
 * print stylesheet, the evidence in tables and figures as inline SVG. Every value from the model is escaped.
 * Deterministic: the same model gives the same bytes.
 */
export function renderReportHtml(model: ReportModel): string {
  const text = escapeHtml;
  const notice = model.secretsIncluded
    ? '<p class="notice">This report includes whole tokens and recovered secrets, by the investigator\'s explicit choice. They are live credentials.</p>'
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${text(reportCsp())}">
<meta name="referrer" content="no-referrer">
<title>${text(model.case.title)} — case report</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<header>
<h1>${text(model.case.title)}</h1>
<p class="meta">Case <code>${text(model.case.id)}</code> · examiners: ${text(model.case.examiners.join(', ') || 'not named')} · report generated ${text(model.generatedAt)} (UTC) · times are UTC; the case works in ${text(model.case.timeZone)}${model.case.collectedAt ? ` · evidence collected ${text(model.case.collectedAt)}` : ''}</p>
<p class="meta">${text(model.method.toolName)} ${text(model.method.toolVersion)}. This file is part of a signed report package: manifest.json lists the SHA-256 of every file and manifest.jws signs it (see report-verification.md).</p>
${notice}
</header>
<nav><h2>Contents</h2><ol>${TABLE_OF_CONTENTS.map(([id, title]) => `<li><a href="#${id}">${title}</a></li>`).join('')}</ol></nav>
<main>
${summarySection(model)}
${findingsSection(model, severityFigure(model.findings) + findingFiguresHtml(model))}
${recommendationsSection(model)}
${apisSection(model)}
${tokensSection(model)}
${annotationsSection(model)}
${evidenceSection(model)}
${methodSection(model)}
</main>
</body>
</html>
`;
}
