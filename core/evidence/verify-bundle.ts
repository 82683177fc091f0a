import { filesInMemory, digestSequential, digestZip, type BundleFiles } from './bundle-files';
import { compareWithManifest, generateManifest, type ShownFile } from './compare-manifest';
import { EvidenceError } from './errors';
import { MANIFEST_NAME, parseManifest } from './manifest';
import { hashRandomAccess, readSequential } from './read-input';
import { createSha256 } from './sha256';
import { checkStructuredFile, STRUCTURED_KINDS } from './structured-evidence';
import {
  DEFAULT_ZIP_LIMITS,
  type BundleInput,
  type BundleOrigin,
  type BundleReport,
  type EvidenceFileContent,
  type EvidenceKind,
  type EvidenceProblem,
  type FileCheck,
  type OperationOptions,
  type RandomAccessInput,
  type SequentialInput,
  type ZipLimits,
} from './types';
import { readZip } from './zip/read-zip';
import { appendAll } from '../util/append-all';

/** Options of {@link verifyBundle} and {@link checkBundle}. */
export interface VerifyBundleOptions extends OperationOptions {
  readonly limits?: ZipLimits;
}

/** A bundle's verdict without the files' bytes: everything a {@link BundleReport} says but its `contents`. */
export type BundleVerdict = Omit<BundleReport, 'contents'>;

/** One file present in a {@link CheckedBundle} (manifest.json aside), to be streamed again when it is parsed. */
export interface PresentFile {
  /** Path as the report shows it (the common top folder stripped). */
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
  /** Kind declared by the manifest, or guessed from the content when the file is not listed. */
  readonly kind: EvidenceKind;
  /** Its bytes again, as a stream named by `path` (a zip entry is inflated again and its CRC-32 checked again). */
  open(): SequentialInput;
}

/** The verdict on a bundle whose files were streamed, hashed and let go. */
export interface CheckedBundle extends BundleVerdict {
  readonly present: readonly PresentFile[];
}

/**
 * Largest manifest or key set, key history or case configuration that {@link checkBundle} reads whole (to parse
 * and check it); larger ones are reported, not read. Together with the zip reader's bounds this is what keeps a
 * check's memory fixed: docs/bundle-format.md states the figure.
 */
export const MAX_WHOLE_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Read a bundle (zip, folder or loose files), hash every file and compare it with the manifest, so the
 * investigator sees the verdict before anything is trusted. Nothing is stored here: the caller stores the returned
 * contents unchanged. A rejected zip throws an EvidenceError (and yields nothing); cancelling throws CancelledError.
 */
export async function verifyBundle(input: BundleInput, options: VerifyBundleOptions = {}): Promise<BundleReport> {
  const { origin, files: contents } = await readInput(
    input,
    options,
    (zip, limits) => readZip(zip, limits, options),
    (files) => readAll(files, options),
  );
  const { verdict, shown } = await assemble(origin, filesInMemory(contents), input.type === 'loose-files', Infinity);
  const byPath = new Map(contents.map((content) => [content.path, content]));
  return {
    ...verdict,
    contents: shown.map((file) => ({
      path: file.path,
      bytes: byPath.get(file.digest.path)!.bytes,
      sha256: file.digest.sha256,
    })),
  };
}

/**
 * {@link verifyBundle} without keeping the bytes: every file (every zip entry, inflated as a stream) is hashed as
 * it is read and let go, so memory stays bounded whatever the size of the evidence. `present` streams any file
 * again for parsing.
 */
export async function checkBundle(input: BundleInput, options: VerifyBundleOptions = {}): Promise<CheckedBundle> {
  const { origin, files } = await readInput(
    input,
    options,
    (zip, limits) => digestZip(zip, limits, options),
    (sequential) => digestSequential(sequential, options),
  );
  const { verdict, shown } = await assemble(origin, files, input.type === 'loose-files', MAX_WHOLE_FILE_BYTES);
  const kinds = new Map(verdict.files.map((file) => [file.path, file.kind]));
  const present = shown.map((file): PresentFile => ({
    path: file.path,
    size: file.digest.size,
    sha256: file.digest.sha256,
    kind: kinds.get(file.path) ?? file.digest.classify(file.path).kind,
    open: () => ({ ...files.open(file.digest.path), path: file.path }),
  }));
  return { ...verdict, present };
}

/** The bundle's origin (a zip's own size and SHA-256 included) and its files, read by `fromZip` or `fromFiles`. */
async function readInput<T>(
  input: BundleInput,
  options: VerifyBundleOptions,
  fromZip: (zip: RandomAccessInput, limits: ZipLimits) => Promise<T>,
  fromFiles: (files: readonly SequentialInput[]) => Promise<T>,
): Promise<{ origin: BundleOrigin; files: T }> {
  if (input.type === 'zip') {
    const sha256 = await hashRandomAccess(input.zip, options);
    const files = await fromZip(input.zip, options.limits ?? DEFAULT_ZIP_LIMITS);
    return { origin: { type: 'zip', name: input.zip.name, size: input.zip.size, sha256 }, files };
  }
  const files = await fromFiles(input.files);
  return {
    origin:
      input.type === 'folder'
        ? { type: 'folder', name: input.name }
        : { type: 'loose-files', name: describeLoose(input.files) },
    files,
  };
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
 * folder that has the manifest, that folder is the bundle root. Returns the prefix to strip ('' for none).
 */
function commonRoot(paths: readonly string[]): string {
  if (paths.includes(MANIFEST_NAME)) return '';
  const top = paths[0]?.split('/')[0];
  const prefix = `${top}/`;
  if (!top || !paths.every((path) => path.startsWith(prefix))) return '';
  return paths.includes(prefix + MANIFEST_NAME) ? prefix : '';
}

/**
 * A file's bytes read again whole, or undefined when it is larger than `limit`. The hash must be the one just
 * verified: a file that changes between the two reads is not evidence anyone can vouch for.
 */
async function readWhole(files: BundleFiles, file: ShownFile, limit: number): Promise<Uint8Array | undefined> {
  if (file.digest.size > limit) return undefined;
  const bytes = new Uint8Array(file.digest.size);
  const hash = createSha256();
  let at = 0;
  for await (const chunk of files.open(file.digest.path).chunks()) {
    if (at + chunk.length > bytes.length) break;
    bytes.set(chunk, at);
    at += chunk.length;
    hash.update(chunk);
  }
  if (at !== bytes.length || hash.digestHex() !== file.digest.sha256) {
    throw new EvidenceError(
      'evidence-changed',
      file.path,
      `${file.path} changed while it was being read (its SHA-256 differs between two reads); copy the evidence to a quiet place and verify it again.`,
    );
  }
  return bytes;
}

const tooLarge = (file: string, limit: number): EvidenceProblem => ({
  code: 'file-too-large-to-check',
  file,
  message: `${file} is larger than ${limit} bytes, so it was hashed but not read whole to check its structure.`,
});

/** Problems of the key sets, key histories and case configurations present, read whole one at a time. */
async function structuredProblems(
  checks: readonly FileCheck[],
  shown: readonly ShownFile[],
  files: BundleFiles,
  limit: number,
): Promise<EvidenceProblem[]> {
  const byPath = new Map(shown.map((file) => [file.path, file]));
  const problems: EvidenceProblem[] = [];
  for (const check of checks) {
    const file = byPath.get(check.path);
    if (!file || !STRUCTURED_KINDS.includes(check.kind)) continue;
    const bytes = await readWhole(files, file, limit);
    problems.push(...(bytes ? checkStructuredFile(check, bytes) : [tooLarge(check.path, limit)]));
  }
  return problems;
}

async function assemble(
  origin: BundleOrigin,
  files: BundleFiles,
  forceLoose: boolean,
  limit: number,
): Promise<{ verdict: BundleVerdict; shown: ShownFile[] }> {
  const prefix = forceLoose ? '' : commonRoot(files.digests.map((digest) => digest.path));
  const rooted: ShownFile[] = files.digests.map((digest) => ({ path: digest.path.slice(prefix.length), digest }));
  const manifestFile = forceLoose ? undefined : rooted.find((file) => file.path === MANIFEST_NAME);
  const shown = rooted.filter((file) => file !== manifestFile);
  if (!manifestFile) {
    const manifest = generateManifest(origin.name, shown);
    const checks: FileCheck[] = manifest.files.map((entry) => ({
      path: entry.path,
      kind: entry.kind,
      mediaType: entry.mediaType,
      verdict: 'generated',
      actual: { size: entry.size, sha256: entry.sha256 },
      ...(entry.description !== undefined ? { description: entry.description } : {}),
    }));
    return {
      verdict: {
        origin,
        manifest,
        verdict: 'generated',
        files: checks,
        problems: await structuredProblems(checks, shown, files, limit),
      },
      shown,
    };
  }
  const manifestBytes = await readWhole(files, manifestFile, limit);
  const parsed = manifestBytes
    ? parseManifest(manifestBytes)
    : { manifest: undefined, problems: [{ ...tooLarge(MANIFEST_NAME, limit), code: 'manifest-too-large' }] };
  const problems: EvidenceProblem[] = [...parsed.problems];
  const manifest = parsed.manifest ?? { ...generateManifest(origin.name, []), generated: false };
  const checks = compareWithManifest(manifest, shown);
  appendAll(problems, describeVerdicts(checks));
  appendAll(problems, await structuredProblems(checks, shown, files, limit));
  const allMatch =
    parsed.manifest !== undefined && checks.every((file) => file.verdict === 'match') && parsed.problems.length === 0;
  return {
    verdict: { origin, manifest, verdict: allMatch ? 'verified' : 'mismatch', files: checks, problems, manifestBytes },
    shown,
  };
}

function describeVerdicts(files: readonly FileCheck[]): EvidenceProblem[] {
  const messages: Partial<Record<FileCheck['verdict'], (file: FileCheck) => string>> = {
    missing: (file) => `${file.path} is listed in the manifest but not in the bundle.`,
    unlisted: (file) => `${file.path} is in the bundle but not listed in the manifest.`,
    'size-mismatch': (file) =>
      `${file.path} has ${file.actual?.size} bytes; the manifest declares ${file.declared?.size}.`,
    'hash-mismatch': (file) =>
      `${file.path} has SHA-256 ${file.actual?.sha256}; the manifest declares ${file.declared?.sha256}. The file was altered after the manifest was written.`,
  };
  return files.flatMap((file) => {
    const describe = messages[file.verdict];
    return describe ? [{ code: `file-${file.verdict}`, file: file.path, message: describe(file) }] : [];
  });
}
