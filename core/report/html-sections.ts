import { canonicalJson } from '../util/canonical-json';
import { escapeHtml } from './html-escape';
import type { ReportFinding, ReportModel } from './types';

/** The sections of report.html, each a function of the model returning escaped HTML. */

const text = escapeHtml;

/** JSON of a value from the evidence, pretty enough to read, escaped as text. */
function jsonBlock(value: unknown): string {
  return `<pre>${text(JSON.stringify(value ?? null, null, 2))}</pre>`;
}

function paragraphOrNone(value: string, none: string): string {
  return value.trim() === '' ? `<p class="muted">${text(none)}</p>` : `<pre>${text(value)}</pre>`;
}

function table(headings: readonly string[], rows: readonly string[][]): string {
  if (rows.length === 0) return '<p class="muted">None.</p>';
  const head = headings.map((heading) => `<th>${text(heading)}</th>`).join('');
  const body = rows.map((cells) => `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const severityBadge = (severity: string): string =>
  `<span class="severity severity-${text(severity)}">${text(severity)}</span>`;

export function summarySection(model: ReportModel): string {
  return `<section id="summary"><h2>1. Summary and limitations</h2>
<h3>Summary</h3>${paragraphOrNone(model.case.summary, 'The investigator wrote no summary.')}
<h3>Limitations</h3>${paragraphOrNone(model.case.limitations, 'The investigator wrote no limitations statement.')}
</section>`;
}

function findingBlock(finding: ReportFinding, index: number): string {
  const override =
    finding.severity !== finding.engineSeverity
      ? ` <span class="muted">(engine: ${text(finding.engineSeverity)}; ${text(finding.severityOverrideReason ?? '')})</span>`
      : '';
  const rows = finding.evidence.map((row) => [
    text(row.role),
    `${text(row.file)}${row.line !== undefined ? `:${text(row.line)}` : row.index !== undefined ? ` #${text(row.index)}` : ''}`,
    `<span class="mono">${text(row.sha256)}</span>`,
    text(row.time ?? 'no time'),
    row.record === null ? '<span class="muted">not available</span>' : `<pre>${text(row.record)}</pre>`,
  ]);
  const more =
    finding.eventCount > finding.evidence.length
      ? `<p class="muted">${text(finding.eventCount)} records support this finding; the ${text(finding.evidence.length)} linked ones are shown.</p>`
      : '';
  return `<article class="finding" id="finding-${index + 1}">
<h3>2.${index + 1} ${text(finding.title)} ${severityBadge(finding.severity)}${override}</h3>
<p class="meta">Disposition: <b>${text(finding.disposition)}</b> · check/detector <code>${text(finding.id)}</code> · key <code>${text(finding.key)}</code>${finding.subject ? ` · subject <code>${text(finding.subject)}</code>` : ''}</p>
<p>${text(finding.message)}</p>
<p>${text(finding.explanation)}</p>
<p class="meta">References: ${text(finding.references.join('; ') || 'none')}</p>
${table(['Role', 'File and line', 'File SHA-256', 'Time (UTC)', 'Original record'], rows)}${more}
</article>`;
}

export function findingsSection(model: ReportModel, figure: string): string {
  const how =
    model.selection === 'default'
      ? 'Included by the default rule: every finding the investigator confirmed, and every open finding of high or critical severity.'
      : 'Included by the investigator.';
  return `<section id="findings"><h2>2. Findings</h2>
<p>${text(how)} ${text(model.findings.length)} finding(s).</p>
${figure}
${model.findings.map(findingBlock).join('\n')}
</section>`;
}

export function recommendationsSection(model: ReportModel): string {
  const rows = model.recommendations.map((item) => [
    text(item.text),
    text(item.references.join('; ')),
    `<span class="mono">${text(item.findings.join(', '))}</span>`,
  ]);
  return `<section id="recommendations"><h2>3. Recommendations</h2>
${table(['Recommendation', 'References', 'Follows from findings'], rows)}</section>`;
}

/** What each API accepted and refused, per class of token flaw: the holes the findings prove, and the checks it passed. */
export function apisSection(model: ReportModel): string {
  const rows = model.apis.map((api) => [
    `${text(api.name)}${api.configured ? '' : ' <span class="muted">(not configured)</span>'}<br><span class="mono">${text(`${api.host ?? ''}${api.pathPrefix}`)}</span>`,
    text(`${api.requests} (${api.accepted} accepted, ${api.refused} refused)`),
    text(api.summary || 'no flaw class could be judged'),
  ]);
  const intro =
    model.apis.length === 0
      ? 'No answered request carried a token: no API could be profiled.'
      : 'For every API the evidence shows answering requests with a token: what it accepted (2xx/3xx) and refused (401/403), per class of token flaw a correct verifier must refuse.';
  return `<section id="apis"><h2>4. API verification</h2><p>${text(intro)}</p>
${model.apis.length > 0 ? table(['API', 'Requests with a token', 'Accepts, refuses, never tested'], rows) : ''}</section>`;
}

export function tokensSection(model: ReportModel): string {
  const note = model.secretsIncluded
    ? 'Whole tokens are included (signatures and all): they are live credentials. Handle this report accordingly.'
    : 'Signatures are redacted: each token is shown by its SHA-256, header and claims, which is enough to identify it and not enough to use it.';
  const rows = model.tokens.map((token) => [
    `<span class="mono">${text(token.sha256)}</span>`,
    jsonBlock(token.header),
    jsonBlock(token.claims),
    `<pre>${text(token.compact)}</pre>`,
  ]);
  return `<section id="tokens"><h2>5. Tokens involved</h2><p>${text(note)}</p>
${table(['SHA-256', 'Header', 'Claims', 'Compact form'], rows)}</section>`;
}

export function annotationsSection(model: ReportModel): string {
  const rows = model.annotations.map((item) => [
    `<span class="mono">${text(item.target)}</span>`,
    `<pre>${text(item.note)}</pre>`,
    text([...item.tags, item.starred ? '★' : '', item.disposition ?? ''].filter(Boolean).join(', ')),
    text(item.author),
    text(item.at),
  ]);
  const journal = model.journal
    ? `Case journal: ${text(model.journal.length)} entries, head hash <span class="mono">${text(model.journal.headHash)}</span>.`
    : 'No case journal: this report was made directly from an evidence bundle.';
  return `<section id="annotations"><h2>6. Annotations and journal</h2><p>${journal}</p>
${table(['Item', 'Note', 'Tags, star, disposition', 'Author', 'Time (UTC)'], rows)}</section>`;
}

export function evidenceSection(model: ReportModel): string {
  const rows = model.evidence.map((file) => [
    text(file.path),
    text(file.kind),
    text(file.size),
    `<span class="mono">${text(file.sha256)}</span>`,
    text(file.verdict),
    file.custody.length === 0
      ? '<span class="muted">none recorded</span>'
      : file.custody
          .map(
            (entry) => `#${text(entry.seq)} ${text(entry.action)} by ${text(entry.investigator)} at ${text(entry.at)}`,
          )
          .join('<br>'),
  ]);
  return `<section id="evidence"><h2>7. Evidence inventory</h2>
${table(['Path', 'Kind', 'Bytes', 'SHA-256', 'Manifest verdict', 'Custody'], rows)}</section>`;
}

export function methodSection(model: ReportModel): string {
  const { method } = model;
  const analyzers = method.analyzers.map((item) => [
    text(item.kind),
    `<code>${text(item.id)}</code>`,
    text(item.version),
    Object.keys(item.parameters).length === 0 ? '' : `<pre>${text(canonicalJson(item.parameters))}</pre>`,
  ]);
  const keys = method.keys.map((key) => [
    `<span class="mono">${text(key.thumbprint)}</span>`,
    text(key.kid ?? ''),
    text(key.kty),
    text(key.file),
  ]);
  const geo =
    method.geoDatabases.length === 0
      ? 'none (IP addresses were not placed)'
      : method.geoDatabases
          .map(
            (database) =>
              `${text(database.name)} ${text(database.version)}, SHA-256 <span class="mono">${text(database.sha256)}</span>`,
          )
          .join('; ');
  return `<section id="method"><h2>8. Method</h2>
<p>${text(method.toolName)} ${text(method.toolVersion)}. Geolocation databases: ${geo}.</p>
<h3>Key material (RFC 7638 thumbprints)</h3>${table(['Thumbprint', 'kid', 'Type', 'File'], keys)}
<h3>Case configuration</h3>${method.caseConfiguration === undefined ? '<p class="muted">None.</p>' : jsonBlock(method.caseConfiguration)}
<h3>Checks and detectors</h3>${table(['Kind', 'Id', 'Version', 'Parameters'], analyzers)}</section>`;
}
