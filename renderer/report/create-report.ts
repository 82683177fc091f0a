// Creating a signed report of a case in the app: the store fills core's report input, core builds the model and the
// package, the host signs the manifest with the key it holds, the package is saved as one zip through the host, and
// the case's journal records it (`report`, its digest the SHA-256 of the signed manifest.json).
import { sha256Hex } from '../../core/evidence';
import {
  buildReport,
  createSignedReportPackage,
  REPORT_FILES,
  REPORT_FORMATS,
  reportPackageZip,
  type ReportPackageFile,
} from '../../core/report';
import type { Host, ReportSigningKeyInfo } from '../host/host';
import { caseFileName } from '../archive/export-case';
import type { TokentrailDatabase } from '../db/schema';
import { appendCustody } from '../evidence/custody-log';
import { storeReportInput, type ReportStatement } from './store-report-input';

export interface CreateReportRequest {
  readonly caseId: string;
  readonly caseTitle: string;
  /** Who signs and journals it: the signed-in investigator. */
  readonly investigator: string;
  readonly statement: ReportStatement;
  /** Whole tokens and recovered secrets in the report: an explicit choice the report states. */
  readonly includeSecrets: boolean;
  /** The findings the investigator ticked; absent for the default rule (confirmed, plus open high and critical). */
  readonly findingKeys?: readonly string[];
}

export interface CreatedReport {
  readonly saved: boolean;
  readonly fileName: string;
  readonly path?: string;
  readonly files: readonly ReportPackageFile[];
  readonly zipSha256: string;
  readonly manifestSha256: string;
  readonly key: ReportSigningKeyInfo;
  readonly findings: number;
  readonly tokens: number;
}

/**
 * Build, sign, save and journal the report of a case. Nothing is journaled when the investigator cancels the save;
 * a failure anywhere leaves the journal as it was.
 */
export async function createCaseReport(
  database: TokentrailDatabase,
  host: Host,
  request: CreateReportRequest,
): Promise<CreatedReport> {
  const key = await host.reportSigningKey();
  const input = await storeReportInput(database, request.caseId, request.statement);
  const generatedAt = Date.now();
  const model = buildReport(input, {
    generatedAt,
    includeSecrets: request.includeSecrets,
    findingKeys: request.findingKeys,
  });
  const files = await createSignedReportPackage(
    model,
    (manifest) => host.signReportManifest(manifest, request.investigator, generatedAt),
    { formats: REPORT_FORMATS },
  );
  const zip = await reportPackageZip(files);
  const manifest = files.find((file) => file.path === REPORT_FILES.manifest)!;
  const fileName = caseFileName(request.caseTitle, '-report.zip', new Date(generatedAt));
  const created = {
    fileName,
    files,
    zipSha256: sha256Hex(zip),
    manifestSha256: sha256Hex(manifest.bytes),
    key,
    findings: model.findings.length,
    tokens: model.tokens.length,
  };
  const saved = await host.saveExport(fileName, zip);
  if (!saved.saved) return { ...created, saved: false };
  await appendCustody(database, request.caseId, {
    at: Date.now(),
    investigator: request.investigator,
    action: 'report',
    source: saved.path ?? fileName,
    files: [],
    digest: created.manifestSha256,
    detail:
      `signed report (${files.map((file) => file.path).join(', ')}): ${model.findings.length} findings ` +
      `(${model.selection === 'default' ? 'default selection' : 'chosen by the investigator'}), ` +
      `${model.tokens.length} tokens, ${model.secretsIncluded ? 'tokens and secrets INCLUDED in full' : 'tokens redacted'}; ` +
      `${key.alg} key ${key.thumbprint}${key.certificate ? ` (organisation key certified to ${key.certificate.subject}, x5c)` : ''}; ` +
      `zip SHA-256 ${created.zipSha256}`,
  });
  return { ...created, saved: true, path: saved.path };
}

/** The public key as a JWK file a reviewer pins (`tokentrail report verify --pubkey`): public members, kid, alg. */
export function publicKeyFile(key: ReportSigningKeyInfo): { readonly name: string; readonly bytes: Uint8Array } {
  const jwk = { ...key.publicJwk, kid: key.thumbprint, alg: key.alg, use: 'sig' };
  return {
    name: `tokentrail-signing-key-${key.thumbprint.slice(0, 12)}.jwk.json`,
    bytes: new TextEncoder().encode(`${JSON.stringify(jwk, null, 2)}\n`),
  };
}
