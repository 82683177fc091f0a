import { canonicalJson } from '../util/canonical-json';
import { renderReportHtml } from './render-html';
import { renderReportPdf } from './render-pdf';
import { buildManifest, REPORT_FILES, type ReportPackageFile } from './report-package';
import { signManifest, type ReportSigner } from './sign-report';
import type { ReportModel } from './types';

/** The formats a package can hold besides the manifest and its signature. */
export type ReportFormat = 'json' | 'html' | 'pdf';

/** Every format a package can hold. */
export const REPORT_FORMATS: readonly ReportFormat[] = ['json', 'html', 'pdf'];

/** What a package holds when no formats are chosen (the CLI's default; the app adds the PDF). */
export const DEFAULT_REPORT_FORMATS: readonly ReportFormat[] = ['json', 'html'];

/** report.json: the model as canonical JSON (RFC 8785), so the same model always gives the same bytes. */
export function reportJsonBytes(model: ReportModel): Uint8Array {
  return new TextEncoder().encode(canonicalJson(model));
}

/**
 * Signs manifest.json's exact bytes and returns the detached compact JWS (manifest.jws). Where the private key is
 * held decides who implements it: core's {@link signManifest} over a {@link ReportSigner} in the CLI and the browser
 * host, the Electron main process over IPC in the desktop app (the key never reaches the renderer).
 */
export type ManifestSigner = (manifest: Uint8Array) => Promise<string>;

/** The report's own files in the chosen formats (report.json always): what the manifest lists. */
export async function renderReportFiles(
  model: ReportModel,
  formats?: readonly ReportFormat[],
): Promise<ReportPackageFile[]> {
  const chosen = new Set<ReportFormat>(['json', ...(formats ?? DEFAULT_REPORT_FORMATS)]);
  const files: ReportPackageFile[] = [];
  if (chosen.has('json')) files.push({ path: REPORT_FILES.json, bytes: reportJsonBytes(model) });
  if (chosen.has('html'))
    files.push({ path: REPORT_FILES.html, bytes: new TextEncoder().encode(renderReportHtml(model)) });
  if (chosen.has('pdf')) files.push({ path: REPORT_FILES.pdf, bytes: await renderReportPdf(model) });
  return files;
}

/**
 * The package with a host's own manifest signer: render the formats, list them in manifest.json, have the signer
 * sign it. Hosts that cannot hand core a {@link ReportSigner} (the desktop app, whose key stays in the main process)
 * use this; {@link createReportPackage} is the same with a signer in hand.
 */
export async function createSignedReportPackage(
  model: ReportModel,
  sign: ManifestSigner,
  options: { readonly formats?: readonly ReportFormat[] } = {},
): Promise<ReportPackageFile[]> {
  const files = await renderReportFiles(model, options.formats);
  const manifest = buildManifest(files, { caseId: model.case.id, generatedAt: model.generatedAt });
  const signature = await sign(manifest);
  return [
    ...files,
    { path: REPORT_FILES.manifest, bytes: manifest },
    { path: REPORT_FILES.signature, bytes: new TextEncoder().encode(signature) },
  ];
}

/**
 * Render the chosen formats, list them in manifest.json and sign it: the whole package, ready to be written as
 * files. report.json is always included (it is what the evidence comparison reads). `signedAt` goes into the
 * signature's protected header; pass the generation time for a package that is byte-identical on every build.
 */
export function createReportPackage(
  model: ReportModel,
  signer: ReportSigner,
  options: { readonly formats?: readonly ReportFormat[]; readonly signedAt: number },
): Promise<ReportPackageFile[]> {
  return createSignedReportPackage(model, (manifest) => signManifest(manifest, signer, options.signedAt), options);
}
