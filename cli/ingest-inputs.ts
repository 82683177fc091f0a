import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, open } from 'node:fs/promises';
import path from 'node:path';
import { checkBundle, classifyEvidence, gunzipInput, isGzip, type EvidenceKind, type SequentialInput } from '../core';
import { bundleInputFromPath, folderFiles, sequentialFile } from './node-inputs';

/** One file to ingest: the stream, its SHA-256, and where it came from. */
export interface IngestFile {
  readonly input: SequentialInput;
  /** Computed before parsing (one streaming pass), or taken from the verified bundle. */
  sha256(): Promise<string>;
  /** What the command line named (a bundle, folder or file). */
  readonly origin: string;
}

/** Kinds that hold keys or configuration, not events: skipped inside bundles and folders, with a note. */
export const NOT_EVENT_SOURCES: readonly EvidenceKind[] = [
  'jwks',
  'pem',
  'certificate',
  'secret',
  'case-config',
  'key-rotation',
];

async function hashFile(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(filePath, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The first bytes of a file, for format detection. */
async function head(filePath: string): Promise<Uint8Array> {
  const handle = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The first bytes of an input's content (inflated when it is gzip), for format detection. */
async function contentHead(input: SequentialInput): Promise<Uint8Array> {
  for await (const chunk of input.chunks()) return chunk.subarray(0, 64 * 1024);
  return new Uint8Array(0);
}

/** An input as the parsers read it: gzip inflated as it streams, anything else as it is. */
function readable(input: SequentialInput, firstBytes: Uint8Array): SequentialInput {
  return isGzip(firstBytes) ? gunzipInput(input) : input;
}

/**
 * Expand command-line targets into files: a loose file is always parsed; a folder's files and a zip bundle's
 * entries are parsed unless they hold keys or configuration (noted on `skip`). Zip entries are verified against the
 * bundle's manifest first (streamed and hashed, not kept), then inflated again as a stream while they are parsed;
 * files on disk are streamed. Memory does not grow with the archive.
 */
export async function expandTargets(
  targets: readonly string[],
  skip: (file: string, why: string) => void,
): Promise<{ files: IngestFile[]; close(): Promise<void> }> {
  const files: IngestFile[] = [];
  // Zips stay open until the caller has parsed their entries, which are inflated again as they are read.
  const open: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const closeOne of open.splice(0)) await closeOne();
  };
  try {
    await expandInto(targets, files, open, skip);
  } catch (error) {
    await close();
    throw error;
  }
  return { files, close };
}

async function expandInto(
  targets: readonly string[],
  files: IngestFile[],
  open: (() => Promise<void>)[],
  skip: (file: string, why: string) => void,
): Promise<void> {
  for (const target of targets) {
    const info = await lstat(target);
    if (info.isDirectory()) {
      for (const input of await folderFiles(target)) {
        const absolute = path.join(target, input.path);
        if (input.path === 'manifest.json') continue;
        const content = readable({ ...input, path: path.join(target, input.path) }, await head(absolute));
        const kind = classifyEvidence(input.path.replace(/\.gz$/i, ''), await contentHead(content)).kind;
        if (NOT_EVENT_SOURCES.includes(kind)) {
          skip(input.path, `${kind}: not an event source`);
          continue;
        }
        files.push({ input: content, sha256: () => hashFile(absolute), origin: target });
      }
      continue;
    }
    const opened = await bundleInputFromPath(target);
    open.push(() => opened.close());
    if (opened.input.type !== 'zip') {
      files.push({
        input: readable(sequentialFile(target, target, info.size), await head(target)),
        sha256: () => hashFile(target),
        origin: target,
      });
      continue;
    }
    const report = await checkBundle(opened.input);
    if (report.verdict === 'mismatch')
      skip(
        target,
        `bundle does not match its manifest (${report.files
          .filter((file) => file.verdict !== 'match')
          .map((file) => `${file.path}: ${file.verdict}`)
          .join(', ')}); its files are read as found`,
      );
    for (const present of report.present) {
      if (NOT_EVENT_SOURCES.includes(present.kind)) {
        skip(`${target}:${present.path}`, `${present.kind}: not an event source`);
        continue;
      }
      const entry = { ...present.open(), path: `${target}:${present.path}` };
      files.push({
        input: readable(entry, await contentHead(entry)),
        sha256: async () => present.sha256,
        origin: target,
      });
    }
  }
}
