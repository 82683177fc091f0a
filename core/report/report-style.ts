/**
 * The one stylesheet of report.html: screen and print. Kept a constant so its SHA-256 in the Content-Security-Policy
 * (`style-src 'sha256-…'`) is that of exactly this text; no other style, script or resource can load.
 */
export const REPORT_STYLE = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #57606a; --rule: #d0d7de; --band: #f6f8fa; }
* { box-sizing: border-box; }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); margin: 0 auto; max-width: 1100px; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; border-bottom: 2px solid var(--ink); padding-bottom: 2px; margin-top: 32px; }
h3 { font-size: 15px; margin: 20px 0 6px; }
.meta, .muted { color: var(--muted); }
.notice { border: 2px solid #cf222e; padding: 8px 12px; margin: 12px 0; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 12.5px; }
th, td { border: 1px solid var(--rule); padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: var(--band); }
code, .mono, pre { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace; font-size: 12px; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
td .mono, td pre { overflow-wrap: anywhere; word-break: break-all; }
td .mono { font-size: 11px; }
.severity { font-weight: 700; text-transform: uppercase; font-size: 11px; padding: 1px 6px; border-radius: 3px; color: #fff; }
.severity-critical { background: #82071e; } .severity-high { background: #cf222e; } .severity-medium { background: #9a6700; }
.severity-low { background: #0969da; } .severity-info { background: #57606a; }
.finding { border: 1px solid var(--rule); border-left: 4px solid var(--ink); padding: 8px 12px; margin: 12px 0; page-break-inside: avoid; }
nav ol { columns: 2; }
figure { margin: 8px 0; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav { page-break-after: always; }
  h2 { page-break-after: avoid; }
  tr, .finding { page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  @page { margin: 18mm 14mm; }
}
`;
