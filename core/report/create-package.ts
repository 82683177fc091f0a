import { canonicalJson } from '../util/canonical-json';
import { renderReportHtml } from './render-html';
import { buildManifest, REPORT_FILES, type ReportPackageFile } from './report-package';
import { signManifest, type ReportSigner } from './sign-report';
import type { ReportModel } from './types';

/** The formats a package can hold besides the manifest and its signature. */
export type ReportFormat = 'json' | 'html';

export const REPORT_FORMATS: readonly ReportFormat[] = ['json', 'html'];

/** report.json: the model as canonical JSON (RFC 8785), so the same model always gives the same bytes. */
export function reportJsonBytes(model: ReportModel): Uint8Array {
  return new TextEncoder().encode(canonicalJson(model));
}

/**
 * Render the chosen formats, list them in manifest.json and sign it: the whole package, ready to be written as
 * files. report.json is always included (it is what the evidence comparison reads). `signedAt` goes into the
 * signature's protected header; pass the generation time for a package that is byte-identical on every build.
 */
export async function createReportPackage(
  model: ReportModel,
  signer: ReportSigner,
  options: { readonly formats?: readonly ReportFormat[]; readonly signedAt: number },
): Promise<ReportPackageFile[]> {
  const formats = new Set<ReportFormat>(['json', ...(options.formats ?? REPORT_FORMATS)]);
  const files: ReportPackageFile[] = [];
  if (formats.has('json')) files.push({ path: REPORT_FILES.json, bytes: reportJsonBytes(model) });
  if (formats.has('html'))
    files.push({ path: REPORT_FILES.html, bytes: new TextEncoder().encode(renderReportHtml(model)) });
  const manifest = buildManifest(files, { caseId: model.case.id, generatedAt: model.generatedAt });
  const signature = await signManifest(manifest, signer, options.signedAt);
  return [
    ...files,
    { path: REPORT_FILES.manifest, bytes: manifest },
    { path: REPORT_FILES.signature, bytes: new TextEncoder().encode(signature) },
  ];
}
