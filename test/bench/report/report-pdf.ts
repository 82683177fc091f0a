// report.pdf build time: the first build (decodes and parses the two embedded DejaVu programs) and warm builds, for
// the unit-test report and for one with 40× its findings, against report.html of the same model (same-run baseline).
//   npm run bench -- report-pdf
import { buildReport, renderReportHtml, renderReportPdf, type ReportInput } from '../../../core/report';
import { reportInput } from '../../unit/core/report/report-fixture';

const GENERATED_AT = Date.UTC(2026, 11, 1, 10, 0, 0);

function scaled(times: number): ReportInput {
  const input = reportInput();
  const findings = Array.from({ length: times }, (_, copy) =>
    input.findings.map((finding) => ({ ...finding, key: `${finding.key}-${copy}`, id: `${finding.id}-${copy}` })),
  ).flat();
  return { ...input, findings };
}

async function average(run: () => unknown, rounds: number): Promise<number> {
  const started = performance.now();
  for (let round = 0; round < rounds; round += 1) await run();
  return (performance.now() - started) / rounds;
}

const small = buildReport(reportInput(), { generatedAt: GENERATED_AT });
const started = performance.now();
const first = await renderReportPdf(small);
console.log(`first PDF build (fonts decoded and parsed): ${(performance.now() - started).toFixed(0)} ms`);
for (const [name, model] of [
  ['unit-test report', small],
  ['40x findings', buildReport(scaled(40), { generatedAt: GENERATED_AT })],
] as const) {
  const html = await average(() => renderReportHtml(model), 20);
  const pdf = await average(() => renderReportPdf(model), 5);
  const bytes = (await renderReportPdf(model)).length;
  console.log(
    `${name}: ${model.findings.length} findings, PDF ${pdf.toFixed(1)} ms (${bytes} bytes), HTML ${html.toFixed(1)} ms, PDF/HTML ${(pdf / html).toFixed(1)}x`,
  );
}
void first;
