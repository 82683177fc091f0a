import { classifyEvidence } from './classify';
import { createSha256 } from './sha256';
import type { EvidenceKind } from './types';

/** What {@link classifyEvidence} guesses for a file. */
export interface Classification {
  readonly kind: EvidenceKind;
  readonly mediaType: string;
  /** Said of a file nothing can be read from (empty, or not text), so it is never imported without a word. */
  readonly description?: string;
}

/**
 * What verification knows of one file once it has streamed past: size, SHA-256 and the guess of its kind. The
 * bytes themselves are not kept, so verifying a bundle holds a few hundred bytes per file whatever its size.
 */
export interface FileDigest {
  /** Path inside the bundle as found (before a common top folder is stripped). */
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
  /** The kind guessed from the first bytes, for the path the file is shown under (its own, or without its top folder). */
  classify(shownPath: string): Classification;
}

/** classifyEvidence reads this much of a file. */
const HEAD_BYTES = 64 * 1024;

/** The path without its first folder: the only other name a file can be shown under (verify-bundle strips one). */
const withoutTopFolder = (path: string): string => path.slice(path.indexOf('/') + 1);

/** Digest a file chunk by chunk: hash everything, keep only the first 64 KiB until the kind is guessed. */
export function createDigester(path: string): { update(chunk: Uint8Array): void; finish(): FileDigest } {
  const hash = createSha256();
  const headParts: Uint8Array[] = [];
  let headLength = 0;
  let size = 0;
  return {
    update(chunk) {
      hash.update(chunk);
      if (headLength < HEAD_BYTES) {
        // A copy: the chunk may be a view of a larger read buffer that must not stay alive.
        const part = chunk.slice(0, HEAD_BYTES - headLength);
        headParts.push(part);
        headLength += part.length;
      }
      size += chunk.length;
    },
    finish() {
      const first = new Uint8Array(headLength);
      let at = 0;
      for (const part of headParts) {
        first.set(part, at);
        at += part.length;
      }
      // Both guesses are made now so that the head is not kept: 64 KiB per file would add up over 10,000 entries.
      const guesses = new Map(
        [path, withoutTopFolder(path)].map((candidate) => [candidate, classifyEvidence(candidate, first)]),
      );
      const own = guesses.get(path)!;
      return { path, size, sha256: hash.digestHex(), classify: (shownPath) => guesses.get(shownPath) ?? own };
    },
  };
}

/** The digest of a file already in memory (its SHA-256 already known). */
export function digestOfBytes(path: string, bytes: Uint8Array, sha256: string): FileDigest {
  return { path, size: bytes.length, sha256, classify: (shownPath) => classifyEvidence(shownPath, bytes) };
}
