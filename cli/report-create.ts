import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EvidenceError, isCalendarTime, type GeoLocator } from '../core';
import { jwkThumbprint } from '../core/token';
import {
  buildReport,
  createReportPackage,
  DEFAULT_REPORT_FORMATS,
  REPORT_FORMATS,
  type ReportFormat,
} from '../core/report';
import { readAnalyzeEvidence, type AnalyzeEvidence } from './analyze-evidence';
import { runPipeline } from './analyze-pipeline';
import { archiveReportInput } from './archive-report-input';
import { isCaseArchiveTarget, readArchivedCase } from './case-archive-read';
import { CliError } from './cli-error';
import type { Command } from './command';
import { openGeoLocator } from './geo-node';
import { loadReportSigner } from './report-key';
import { cliReportInput } from './report-input';
import type { ReportInput } from '../core/report';
import { terminalSafeOutput } from './terminal-text';

/** Exit codes of `tokentrail report create`. */
export const REPORT_CREATE_EXIT = { created: 0, unreadable: 2 } as const;

const OPTIONS = {
  key: { type: 'string', needs: 'a private key file (PKCS#8 PEM or private JWK, Ed25519 or P-256)' },
  out: { type: 'string', needs: 'a folder to write the report package into' },
  formats: { type: 'string', needs: `a comma-separated list of ${REPORT_FORMATS.join(', ')}` },
  'generated-at': { type: 'string', needs: 'an ISO 8601 time with an offset, e.g. 2026-11-02T14:03:00Z' },
  examiner: { type: 'string', multiple: true, needs: "the examiner's name" },
  cert: { type: 'string', needs: "the key's certificate chain (PEM, leaf first)" },
} as const;

function parseFormats(value: string | undefined): ReportFormat[] {
  if (value === undefined) return [...DEFAULT_REPORT_FORMATS];
  const formats = value.split(',').map((format) => format.trim());
  for (const format of formats)
    if (!REPORT_FORMATS.includes(format as ReportFormat))
      throw new CliError(
        'invalid-value',
        `--formats: "${format}" is not a format this version writes (${REPORT_FORMATS.join(', ')})`,
      );
  return formats as ReportFormat[];
}

/** An ISO time with an explicit offset (Z or ±hh:mm), as epoch ms. */
function parseGeneratedAt(value: string | undefined): number {
  if (value === undefined) return Date.now();
  const time = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/.test(value)
    ? Date.parse(value)
    : Number.NaN;
  if (!isCalendarTime(time))
    throw new CliError('invalid-value', `--generated-at needs ${OPTIONS['generated-at'].needs}`);
  return time;
}

/** `tokentrail report create <bundle | case archive> --key KEY --out DIR [--formats json,html,pdf] [--generated-at ISO] [--examiner NAME]`. */
export const reportCreateCommand: Command<typeof OPTIONS> = {
  name: 'report create',
  help: `  tokentrail report create <bundle.zip | folder | case.ttcase> --key KEY --out DIR [--formats json,html,pdf]
                  [--generated-at ISO-TIME] [--examiner NAME]... [--cert CHAIN.pem]
                  [--geo-db FILE.mmdb]... [--no-geo]
      Run the whole pipeline on the bundle and write a signed report package into DIR (docs/reports.md):
      report.json (canonical JSON), report.html (self-contained, no script), report.pdf when
      --formats names it (default json,html), manifest.json (SHA-256 of
      every file) and manifest.jws (detached JWS over the manifest). KEY is a PKCS#8 PEM or a private JWK,
      Ed25519 (EdDSA) or P-256 (ES256); --cert adds the organisation's certificate chain for it (x5c).
      From a bundle, the report holds every high and critical finding (a bundle has no dispositions);
      from a case archive (verified first, refused whole when it fails), the case as archived: its
      findings chosen by the investigator's dispositions as in the app, the annotations and the journal's
      head. Tokens have their signatures redacted. --generated-at fixes the generation and signing time:
      the same input, key and time give a byte-identical package. Exit 0, or 2 when the input or key
      cannot be used.`,
  options: OPTIONS,
  shared: ['geo-db', 'no-geo'],
  async run({ values, positionals, shared }, output) {
    if (positionals.length !== 1)
      throw new CliError(
        'wrong-input-count',
        'takes exactly one bundle (a .zip or a folder) or case archive (.ttcase)',
      );
    if (values.key === undefined) throw new CliError('missing-value', `--key needs ${OPTIONS.key.needs}`);
    if (values.out === undefined) throw new CliError('missing-value', `--out needs ${OPTIONS.out.needs}`);
    const formats = parseFormats(values.formats);
    const generatedAt = parseGeneratedAt(values['generated-at']);
    const examiners = values.examiner.length > 0 ? values.examiner : ['unnamed examiner'];
    const signer = await loadReportSigner(values.key, examiners.join(', '), values.cert);
    const out = terminalSafeOutput(output);
    let geo: { locator: GeoLocator; close(): void } | undefined;
    let evidence: AnalyzeEvidence | undefined;
    try {
      let input: ReportInput;
      if (await isCaseArchiveTarget(positionals[0]!))
        input = archiveReportInput(await readArchivedCase(positionals[0]!), examiners);
      else {
        evidence = await readAnalyzeEvidence([positionals[0]!]);
        geo = shared.geo ? openGeoLocator(shared.geoDatabases) : undefined;
        const result = await runPipeline(evidence, geo?.locator);
        input = cliReportInput(evidence, result, { examiners, geoDatabases: geo?.locator.databases ?? [] });
      }
      const model = buildReport(input, { generatedAt });
      const files = await createReportPackage(model, signer, { formats, signedAt: generatedAt });
      await mkdir(values.out, { recursive: true });
      for (const file of files) await writeFile(path.join(values.out, file.path), file.bytes);
      out.stdout(
        `Report of case ${model.case.id}: ${model.findings.length} finding(s), ${model.tokens.length} token(s)`,
      );
      for (const file of files) out.stdout(`  wrote ${path.join(values.out, file.path)} (${file.bytes.length} bytes)`);
      out.stdout(`Signed ${signer.alg} by "${signer.name}", key thumbprint (kid) ${jwkThumbprint(signer.publicJwk)}`);
      out.stdout(`Verify with: tokentrail report verify ${values.out} --pubkey <the signer's public JWK>`);
      return REPORT_CREATE_EXIT.created;
    } catch (error) {
      const message =
        error instanceof EvidenceError ? error.message : `cannot make the report (${(error as Error).message})`;
      out.stderr(`tokentrail: ${message}`);
      return REPORT_CREATE_EXIT.unreadable;
    } finally {
      geo?.close();
      await evidence?.close();
    }
  },
};
