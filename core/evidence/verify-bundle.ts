import { compareWithManifest, generateManifest } from './compare-manifest';
import { MANIFEST_NAME, parseManifest } from './manifest';
import { hashRandomAccess, readSequential } from './read-input';
import { checkStructuredEvidence } from './structured-evidence';
import { DEFAULT_ZIP_LIMITS, type BundleInput, type BundleOrigin, type BundleReport, type EvidenceFileContent, type EvidenceProblem, type FileCheck, type OperationOptions, type SequentialInput, type ZipLimits } from './types';
import { readZip } from './zip/read-zip';

/** Options of {@link verifyBundle}. */
export interface VerifyBundleOptions extends OperationOptions {
  readonly limits?: ZipLimits;
}

/**
 * Read a bundle (zip, folder or loose files), hash every file and compare it with the manifest, so the
 * investigator sees the verdict before anything is trusted. Nothing is stored here: the caller stores the returned
 * contents unchanged. A rejected zip throws an EvidenceError (and yields nothing); cancelling throws CancelledError.
 */
export async function verifyBundle(input: BundleInput, options: VerifyBundleOptions = {}): Promise<BundleReport> {
  if (input.type === 'zip') {
    const sha256 = await hashRandomAccess(input.zip, options);
    const contents = await readZip(input.zip, options.limits ?? DEFAULT_ZIP_LIMITS, options);
    return assemble({ type: 'zip', name: input.zip.name, size: input.zip.size, sha256 }, contents);
  }
  const contents = await readAll(input.files, options);
  const origin: BundleOrigin = input.type === 'folder' ? { type: 'folder', name: input.name } : { type: 'loose-files', name: describeLoose(input.files) };
  return assemble(origin, contents, input.type === 'loose-files');
}

async function readAll(files: readonly SequentialInput[], options: OperationOptions): Promise<EvidenceFileContent[]> {
  const total = files.reduce((sum, file) => sum + file.size, 0);
  let done = 0;
  const contents: EvidenceFileContent[] = [];
  for (const file of files) {
    contents.push(
      await readSequential(file, options, (bytes) => {
        done += bytes;
        options.onProgress?.({ phase: `Hashing ${file.path}`, done, total });
      }),
    );
  }
  return contents;
}

function describeLoose(files: readonly SequentialInput[]): string {
  const first = files[0]?.path ?? 'no files';
  return files.length > 1 ? `${first} and ${files.length - 1} more` : first;
}

/**
 * A zipped folder holds "case-17/manifest.json" rather than "manifest.json": when every file sits under one top
 * folder that has the manifest, that folder is the bundle root.
 */
function stripCommonRoot(contents: readonly EvidenceFileContent[]): EvidenceFileContent[] {
  if (contents.some((content) => content.path === MANIFEST_NAME)) return [...contents];
  const top = contents[0]?.path.split('/')[0];
  const prefix = `${top}/`;
  if (!top || !contents.every((content) => content.path.startsWith(prefix))) return [...contents];
  if (!contents.some((content) => content.path === prefix + MANIFEST_NAME)) return [...contents];
  return contents.map((content) => ({ ...content, path: content.path.slice(prefix.length) }));
}

function assemble(origin: BundleOrigin, rawContents: readonly EvidenceFileContent[], forceLoose = false): BundleReport {
  const rooted = forceLoose ? [...rawContents] : stripCommonRoot(rawContents);
  const manifestFile = forceLoose ? undefined : rooted.find((content) => content.path === MANIFEST_NAME);
  const contents = rooted.filter((content) => content !== manifestFile);
  if (!manifestFile) {
    const manifest = generateManifest(origin.name, contents);
    const files: FileCheck[] = manifest.files.map((entry) => ({
      path: entry.path,
      kind: entry.kind,
      mediaType: entry.mediaType,
      verdict: 'generated',
      actual: { size: entry.size, sha256: entry.sha256 },
    }));
    return { origin, manifest, verdict: 'generated', files, problems: checkStructuredEvidence(files, contents), contents };
  }
  const parsed = parseManifest(manifestFile.bytes);
  const problems: EvidenceProblem[] = [...parsed.problems];
  const manifest = parsed.manifest ?? { ...generateManifest(origin.name, []), generated: false };
  const files = compareWithManifest(manifest, contents);
  problems.push(...describeVerdicts(files), ...checkStructuredEvidence(files, contents));
  const allMatch = parsed.manifest !== undefined && files.every((file) => file.verdict === 'match') && parsed.problems.length === 0;
  return { origin, manifest, verdict: allMatch ? 'verified' : 'mismatch', files, problems, contents, manifestBytes: manifestFile.bytes };
}

function describeVerdicts(files: readonly FileCheck[]): EvidenceProblem[] {
  const messages: Partial<Record<FileCheck['verdict'], (file: FileCheck) => string>> = {
    missing: (file) => `${file.path} is listed in the manifest but not in the bundle.`,
    unlisted: (file) => `${file.path} is in the bundle but not listed in the manifest.`,
    'size-mismatch': (file) => `${file.path} has ${file.actual?.size} bytes; the manifest declares ${file.declared?.size}.`,
    'hash-mismatch': (file) => `${file.path} has SHA-256 ${file.actual?.sha256}; the manifest declares ${file.declared?.sha256}. The file was altered after the manifest was written.`,
  };
  return files.flatMap((file) => {
    const describe = messages[file.verdict];
    return describe ? [{ code: `file-${file.verdict}`, file: file.path, message: describe(file) }] : [];
  });
}
