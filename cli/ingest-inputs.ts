import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, open } from 'node:fs/promises';
import path from 'node:path';
import { classifyEvidence, gunzipInput, isGzip, verifyBundle, type EvidenceKind, type SequentialInput } from '../core';
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
export const NOT_EVENT_SOURCES: readonly EvidenceKind[] = ['jwks', 'pem', 'certificate', 'secret', 'case-config', 'key-rotation'];

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

function bytesInput(filePath: string, bytes: Uint8Array): SequentialInput {
  return {
    path: filePath,
    size: bytes.length,
    async *chunks() {
      for (let at = 0; at < bytes.length; at += 1024 * 1024) yield bytes.subarray(at, at + 1024 * 1024);
    },
  };
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
 * bundle's manifest first and read from memory (within the zip limits); files on disk are streamed.
 */
export async function expandTargets(targets: readonly string[], skip: (file: string, why: string) => void): Promise<IngestFile[]> {
  const files: IngestFile[] = [];
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
    try {
      if (opened.input.type === 'zip') {
        const report = await verifyBundle(opened.input);
        if (report.verdict === 'mismatch') skip(target, `bundle does not match its manifest (${report.files.filter((file) => file.verdict !== 'match').map((file) => `${file.path}: ${file.verdict}`).join(', ')}); its files are read as found`);
        for (const content of report.contents) {
          const kind = report.files.find((file) => file.path === content.path)?.kind ?? classifyEvidence(content.path, content.bytes).kind;
          if (NOT_EVENT_SOURCES.includes(kind)) {
            skip(`${target}:${content.path}`, `${kind}: not an event source`);
            continue;
          }
          files.push({ input: readable(bytesInput(`${target}:${content.path}`, content.bytes), content.bytes), sha256: async () => content.sha256, origin: target });
        }
      } else {
        files.push({ input: readable(sequentialFile(target, target, info.size), await head(target)), sha256: () => hashFile(target), origin: target });
      }
    } finally {
      await opened.close();
    }
  }
  return files;
}
