import os from 'node:os';
import { writeArchive } from '../core/archive';
import { EvidenceError, type GeoLocator } from '../core';
import { readAnalyzeEvidence, type AnalyzeEvidence } from './analyze-evidence';
import { runPipeline } from './analyze-pipeline';
import { writeFileAtomically } from './archive-file';
import { cliArchiveSource } from './case-archive-source';
import { CliError } from './cli-error';
import type { Command } from './command';
import { openGeoLocator } from './geo-node';
import { terminalSafeOutput } from './terminal-text';
import { nodeSha256 } from './node-sha256';

/** Exit codes of `tokentrail case export` (docs/cli.md). */
export const CASE_EXPORT_EXIT = { ok: 0, unreadable: 2 } as const;

const OPTIONS = {
  out: { type: 'string', needs: 'the archive file to write' },
  investigator: { type: 'string', needs: 'a name' },
} as const;

/** `tokentrail case export <bundle|folder|file>... --out case.zip`: run `analyze`'s pipeline, write a case archive. */
export const caseExportCommand: Command<typeof OPTIONS> = {
  name: 'case export',
  help: `  tokentrail case export <bundle.zip | folder | file>... --out CASE.zip [--investigator NAME]
                  [--json] [--geo-db FILE.mmdb]... [--no-geo]
      Run the pipeline of "analyze" and write a case archive (docs/archive-format.md): the evidence
      files exactly as read, a custody chain recording the case's creation and each import, the
      import and file records, and the events, token analyses and findings. The app imports it
      ("Import case archive") and derives its own analyses from the evidence.
      Exit 0 when written, 2 when evidence cannot be read or the archive cannot be written.`,
  options: OPTIONS,
  shared: ['json', 'geo-db', 'no-geo'],
  async run({ values, positionals: targets, shared }, io) {
    if (targets.length === 0)
      throw new CliError('wrong-input-count', 'needs at least one bundle (.zip or folder) or evidence file');
    if (values.out === undefined) throw new CliError('missing-value', '--out needs the archive file to write');
    const out = terminalSafeOutput(io);
    let geo: { locator: GeoLocator; close(): void } | undefined;
    let evidence: AnalyzeEvidence | undefined;
    try {
      evidence = await readAnalyzeEvidence(targets);
      if (shared.geo) geo = openGeoLocator(shared.geoDatabases);
      const result = await runPipeline(evidence, geo?.locator);
      const source = cliArchiveSource(
        evidence,
        result,
        {
          investigator: values.investigator ?? os.userInfo().username,
          at: Date.now(),
          geoDatabases: geo?.locator.databases ?? [],
        },
        targets,
      );
      const written = await writeFileAtomically(values.out, (sink) =>
        writeArchive(source, sink, { sha256: nodeSha256 }),
      );
      if (shared.json)
        out.stdout(
          JSON.stringify({
            archive: values.out,
            size: written.size,
            manifestSha256: written.manifestSha256,
            case: written.manifest.case,
            tables: written.manifest.tables.map(({ name, rows }) => ({ name, rows })),
            evidence: written.manifest.evidence.length,
          }),
        );
      else {
        out.stdout(`Archive: ${values.out} (${written.size} bytes, manifest SHA-256 ${written.manifestSha256})`);
        out.stdout(`Case:    ${written.manifest.case.title} [${written.manifest.case.id}]`);
        out.stdout(`Evidence: ${written.manifest.evidence.length} file(s)`);
        for (const table of written.manifest.tables) out.stdout(`  table ${table.name}: ${table.rows} rows`);
      }
      return CASE_EXPORT_EXIT.ok;
    } catch (error) {
      const message =
        error instanceof EvidenceError ? error.message : `cannot be exported (${(error as Error).message})`;
      out.stderr(`tokentrail: ${message}`);
      return CASE_EXPORT_EXIT.unreadable;
    } finally {
      geo?.close();
      await evidence?.close();
    }
  },
};
