import { open, mkdir, rename, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ArchiveError, type ArchiveEvidence, type ArchiveReader, type ArchiveRow } from '../core/archive';
import { MANIFEST_NAME, type EvidenceKind, type Manifest } from '../core';

/** Evidence files are written here inside the new folder first, then moved to their paths once the tables say where. */
const STAGING = '.archive-evidence';

/** What the folder writer keeps of the tables: the import records and the evidence file records (small tables). */
interface Collected {
  readonly imports: ArchiveRow[];
  readonly evidenceFiles: ArchiveRow[];
}

/**
 * An {@link ArchiveReader} that writes each evidence file, chunk by chunk, into `folder`'s staging area and keeps the
 * import and evidence-file records; {@link BundleFolderWriter.finish} then moves each file to its bundle path and
 * writes manifest.json.
 */
export class BundleFolderWriter implements ArchiveReader {
  private readonly collected: Collected = { imports: [], evidenceFiles: [] };

  constructor(private readonly folder: string) {}

  async start(): Promise<void> {
    await mkdir(path.join(this.folder, STAGING), { recursive: true });
  }

  async evidence(file: ArchiveEvidence, chunks: AsyncIterable<Uint8Array>): Promise<void> {
    const handle = await open(this.staged(file), 'w');
    try {
      for await (const chunk of chunks) await handle.write(chunk);
    } finally {
      await handle.close();
    }
  }

  async rows(table: { readonly name: string }, batch: readonly ArchiveRow[]): Promise<void> {
    if (table.name === 'imports' || table.name === 'evidenceFiles') this.collected[table.name].push(...batch);
  }

  /**
   * Put every file at its path and write manifest.json: the original manifest's bytes when the case had exactly one
   * import and it brought a manifest, otherwise one generated from the archive. Files of several imports go into one
   * folder per import (`import-1/`…) so that paths of different imports never collide.
   */
  async finish(title: string, evidence: readonly ArchiveEvidence[]): Promise<void> {
    const imports = this.collected.imports.map((row) => String(row.id));
    const records = new Map(this.collected.evidenceFiles.map((row) => [String(row.id), row]));
    const placed = evidence.map((file) => {
      const record = records.get(file.fileId);
      const importIndex = imports.indexOf(String(record?.importId));
      const prefix = imports.length > 1 && importIndex >= 0 ? `import-${importIndex + 1}/` : '';
      return { file, record, bundlePath: `${prefix}${safePath(file.path)}` };
    });
    const seen = new Set<string>();
    for (const { bundlePath } of placed) {
      if (seen.has(bundlePath) || bundlePath === MANIFEST_NAME)
        throw new ArchiveError(
          'archive-manifest',
          `two evidence files would both be written as "${bundlePath}"`,
          'manifest.json',
        );
      seen.add(bundlePath);
    }
    for (const { file, bundlePath } of placed) {
      const target = path.join(this.folder, ...bundlePath.split('/'));
      await mkdir(path.dirname(target), { recursive: true });
      await rename(this.staged(file), target);
    }
    await rmdir(path.join(this.folder, STAGING));
    const original = imports.length === 1 ? this.collected.imports[0]!.manifestBytes : undefined;
    const manifest =
      original instanceof Uint8Array
        ? original
        : new TextEncoder().encode(`${JSON.stringify(generatedManifest(title, placed), null, 2)}\n`);
    await writeFile(path.join(this.folder, MANIFEST_NAME), manifest);
  }

  private staged(file: ArchiveEvidence): string {
    return path.join(this.folder, STAGING, path.basename(file.entry));
  }
}

/** A bundle path from the archive, refused unless it stays inside the folder on every system. */
function safePath(bundlePath: string): string {
  const segments = bundlePath.split('/');
  const unsafe =
    bundlePath.includes('\\') ||
    bundlePath.includes('\0') ||
    /^[a-zA-Z]:/.test(bundlePath) ||
    segments.some((segment) => segment === '' || segment === '.' || segment === '..');
  if (unsafe)
    throw new ArchiveError(
      'archive-manifest',
      `the evidence path "${bundlePath}" would leave the folder; nothing is written`,
      'manifest.json',
    );
  return bundlePath;
}

function generatedManifest(
  title: string,
  placed: readonly { file: ArchiveEvidence; record?: ArchiveRow; bundlePath: string }[],
): Manifest {
  return {
    format: 'tokentrail-bundle',
    formatVersion: 1,
    case: { title },
    files: placed.map(({ file, record, bundlePath }) => ({
      path: bundlePath,
      kind: (record?.kind as EvidenceKind | undefined) ?? 'other',
      mediaType: typeof record?.mediaType === 'string' ? record.mediaType : 'application/octet-stream',
      size: file.size,
      sha256: file.sha256,
    })),
  };
}
