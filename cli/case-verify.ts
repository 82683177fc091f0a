import { verifyArchive, type VerifiedArchive } from '../core/archive';
import { ARCHIVE_EXIT, reportArchiveFailure, withArchiveFile } from './archive-file';
import { CliError } from './cli-error';
import type { Command } from './command';
import type { Output } from './output';
import { terminalSafeOutput } from './terminal-text';
import { nodeSha256 } from './node-sha256';

/** `tokentrail case verify <archive.zip> [--json]`: check a case archive completely, write nothing. */
export const caseVerifyCommand: Command<Record<string, never>> = {
  name: 'case verify',
  help: `  tokentrail case verify <case-archive.zip> [--json]
      Check a case archive completely (docs/archive-format.md): every byte of the zip, the manifest,
      the size and SHA-256 of every entry, every table row, and the custody chain against its anchor.
      Exit 0 when intact, 1 when refused (tampered, truncated, not a case archive: the reason names
      the entry), 2 when the file cannot be read.`,
  options: {},
  shared: ['json'],
  async run({ positionals, shared }, io) {
    if (positionals.length !== 1) throw new CliError('wrong-input-count', 'takes exactly one case archive');
    const out = terminalSafeOutput(io);
    const target = positionals[0]!;
    try {
      const verified = await withArchiveFile(target, (input) => verifyArchive(input, { sha256: nodeSha256 }));
      printVerified(target, verified, shared.json, out);
      return ARCHIVE_EXIT.ok;
    } catch (error) {
      return reportArchiveFailure(target, error, shared.json, out);
    }
  },
};

/** What an intact archive holds, as text or as one JSON object. Shared by `case import`. */
export function printVerified(target: string, verified: VerifiedArchive, json: boolean, out: Output): void {
  const { manifest } = verified;
  if (json) {
    out.stdout(
      JSON.stringify({
        archive: target,
        verdict: 'intact',
        size: verified.size,
        manifestSha256: verified.manifestSha256,
        producer: manifest.producer,
        toolVersion: manifest.toolVersion,
        case: manifest.case,
        createdAt: new Date(manifest.createdAt).toISOString(),
        createdBy: manifest.createdBy,
        custody: manifest.custody,
        geoDatabases: manifest.geoDatabases,
        tables: manifest.tables.map(({ name, rows }) => ({ name, rows })),
        evidence: manifest.evidence.map(({ path, size, sha256 }) => ({ path, size, sha256 })),
      }),
    );
    return;
  }
  out.stdout(`Archive: ${target} (${verified.size} bytes, manifest SHA-256 ${verified.manifestSha256})`);
  out.stdout(`Case:    ${manifest.case.title} [${manifest.case.id}]`);
  out.stdout(
    `Made by ${manifest.createdBy} at ${new Date(manifest.createdAt).toISOString()} with Tokentrail ${manifest.toolVersion} (${manifest.producer})`,
  );
  out.stdout(`Custody: ${manifest.custody.length} entries, chain intact, head ${manifest.custody.headHash}`);
  for (const database of manifest.geoDatabases)
    out.stdout(`Geolocation: ${database.name} ${database.version} SHA-256 ${database.sha256}`);
  out.stdout('');
  for (const file of manifest.evidence) out.stdout(`  evidence  ${file.path}  ${file.size} B  ${file.sha256}`);
  for (const table of manifest.tables) out.stdout(`  table     ${table.name}  ${table.rows} rows`);
  out.stdout('');
  out.stdout(`Verdict: INTACT (${manifest.entries.length} entries match the manifest)`);
}
