/**
 * # Tokentrail case reports (core/report)
 *
 * A signed report a reviewer verifies without trusting us: the model built from a case state, report.json
 * (canonical JSON), report.html (self-contained, no script), manifest.json (SHA-256 of every file) and manifest.jws
 * (a detached JWS over the manifest, Ed25519 or ES256, signed by a key the host holds). Pure TypeScript; the
 * verification runs on WebCrypto through jose, in every host.
 *
 * ```ts
 * const model = buildReport(input, { generatedAt });            // input: ReportInput, filled by the host
 * const files = await createReportPackage(model, signer, { formats: ['json', 'html'], signedAt: generatedAt });
 * const verdict = await verifyReportPackage(new Map(files.map((f) => [f.path, f.bytes])), { pinnedKey });
 * ```
 */
export type {
  ReportInput,
  ReportEvidenceFileInput,
  ReportMethod,
  ReportTokenInput,
  ReportAnnotationInput,
  ReportOptions,
  ReportModel,
  ReportFinding,
  ReportEvidenceRow,
  ReportToken,
  ReportAnnotation,
  ReportRecommendation,
  ReportFigures,
  ReportPlaceInput,
} from './types';
/** The data of the lifecycle and map figures, and the places a host hands in for the map. */
export { reportFigures, reportPlaces, REPORT_FIGURE_LIMITS } from './figure-data';
/** Build the report model from a case state; {@link recordKey} keys the original records a host supplies. */
export { buildReport, recordKey } from './build-report';
/** The default finding selection (confirmed, plus open high and critical) and how dispositions are read. */
export { defaultFindingSelection, dispositionOf, effectiveSeverity } from './select-findings';
/** Every check and detector with the parameters it ran with, for the method section. */
export { methodAnalyzers, reportMethod, type ReportMethodSources } from './method-analyzers';
/** Recommendations derived from reported findings, each with its references. */
export { deriveRecommendations } from './recommendations';
/** Redaction of tokens and masking of recovered secrets. */
export { REDACTED, redactCompactToken, redactTokensInText, SECRET_MASK } from './redact';
/** HTML escaping of evidence text. */
export { escapeHtml } from './html-escape';
/** report.html and its Content-Security-Policy. */
export { renderReportHtml, reportCsp } from './render-html';
/** report.pdf: paginated, DejaVu Sans and Sans Mono embedded as subsets (pdf-lib), deterministic. */
export { renderReportPdf } from './render-pdf';
/** The package: its file names, manifest, and the whole signed set. */
export { REPORT_FILES, buildManifest, type ReportManifest, type ReportPackageFile } from './report-package';
export {
  createReportPackage,
  createSignedReportPackage,
  renderReportFiles,
  reportJsonBytes,
  REPORT_FORMATS,
  DEFAULT_REPORT_FORMATS,
  type ManifestSigner,
  type ReportFormat,
} from './create-package';
/** The package as one zip (what the app saves). */
export { reportPackageZip } from './report-zip';
/** Signing with a host-held key: the signer interface and the detached JWS over the manifest. */
export {
  signManifest,
  type ReportSigner,
  type ReportSignatureAlgorithm,
  type ReportSignatureHeader,
} from './sign-report';
/** An organisation's key and certificate chain, read and checked for import into an app host. */
export {
  OrganisationKeyError,
  proveKeyHolder,
  readOrganisationKey,
  type OrganisationCertificateSummary,
  type OrganisationKeyFile,
  type OrganisationKeyMaterial,
  type OrganisationPublicJwk,
} from './organisation-key';
/** Verification of a package, with a pinned key and the evidence when given. */
export {
  verifyReportPackage,
  type ReportCheck,
  type ReportVerification,
  type VerifyReportOptions,
} from './verify-report';
/** A package's files by name, from files picked, a folder or an unzipped archive. */
export { packageFileMap } from './package-files';
export { compareEvidence, type EvidenceFileHash } from './compare-evidence';
