import { SEVERITY_RANK, type Severity } from '../token/findings';
import { escapeHtml } from './html-escape';
import type { ReportFinding } from './types';

const COLOURS: Readonly<Record<Severity, string>> = {
  critical: '#82071e',
  high: '#cf222e',
  medium: '#9a6700',
  low: '#0969da',
  info: '#57606a',
};

/** An inline SVG bar chart of the reported findings by severity: a figure that needs no script and prints. */
export function severityFigure(findings: readonly ReportFinding[]): string {
  const severities = (Object.keys(SEVERITY_RANK) as Severity[]).reverse();
  const counts = severities.map((severity) => findings.filter((finding) => finding.severity === severity).length);
  const most = Math.max(1, ...counts);
  const bars = severities
    .map((severity, row) => {
      const width = Math.round((counts[row]! / most) * 300);
      const y = row * 22;
      return `<text x="0" y="${y + 15}" font-size="12">${escapeHtml(severity)}</text><rect x="70" y="${y + 3}" width="${width}" height="16" fill="${COLOURS[severity]}"/><text x="${76 + width}" y="${y + 15}" font-size="12">${counts[row]}</text>`;
    })
    .join('');
  return `<figure><svg xmlns="http://www.w3.org/2000/svg" width="420" height="${severities.length * 22}" role="img" aria-label="Findings by severity">${bars}</svg><figcaption class="muted">Reported findings by severity.</figcaption></figure>`;
}
