import { rename, rm, stat } from 'node:fs/promises';
import { readArchive, verifyArchive } from '../core/archive';
import { MANIFEST_NAME } from '../core';
import { ARCHIVE_EXIT, reportArchiveFailure, withArchiveFile } from './archive-file';
import { BundleFolderWriter } from './archive-bundle-folder';
import { printVerified } from './case-verify';
import { CliError } from './cli-error';
import type { Command } from './command';
import { terminalSafeOutput } from './terminal-text';
import { nodeSha256 } from './node-sha256';

const OPTIONS = { out: { type: 'string', needs: 'the folder to create' } } as const;

/** `tokentrail case import <archive> --out DIR`: verify, then write the evidence back as a bundle folder. */
export const caseImportCommand: Command<typeof OPTIONS> = {
  name: 'case import',
  help: `  tokentrail case import <case-archive.zip> --out DIR [--json]
      Verify a case archive completely (as "case verify"), then write its evidence files, byte for
      byte, into the new folder DIR as a bundle that "bundle verify", "analyze" and "inspect" read:
      with the original manifest.json when the case had one import that brought one, otherwise with
      one generated from the archive (several imports: a folder import-N/ each). Nothing is written
      when the archive is refused. Exit 0 when written, 1 when refused, 2 when unreadable.`,
  options: OPTIONS,
  shared: ['json'],
  async run({ values, positionals, shared }, io) {
    if (positionals.length !== 1) throw new CliError('wrong-input-count', 'takes exactly one case archive');
    if (values.out === undefined) throw new CliError('missing-value', '--out needs the folder to create');
    const exists = await stat(values.out).then(
      () => true,
      () => false,
    );
    if (exists) throw new CliError('unreadable-input', `${values.out} already exists; name a folder to create`);
    const out = terminalSafeOutput(io);
    const target = positionals[0]!;
    // Written under another name and renamed at the end: a refused or failed import leaves no folder behind.
    const partial = `${values.out}.partial`;
    try {
      const verified = await withArchiveFile(target, async (input) => {
        const checked = await verifyArchive(input, { sha256: nodeSha256 });
        await rm(partial, { recursive: true, force: true });
        const writer = new BundleFolderWriter(partial);
        await writer.start();
        await readArchive(input, checked, writer, { sha256: nodeSha256 });
        await writer.finish(checked.manifest.case.title, checked.manifest.evidence);
        return checked;
      });
      await rename(partial, values.out);
      printVerified(target, verified, shared.json, out);
      if (!shared.json)
        out.stdout(
          `Written: ${values.out} (${verified.manifest.evidence.length} evidence file(s) and ${MANIFEST_NAME})`,
        );
      return ARCHIVE_EXIT.ok;
    } catch (error) {
      await rm(partial, { recursive: true, force: true });
      return reportArchiveFailure(target, error, shared.json, out);
    }
  },
};
