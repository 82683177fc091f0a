import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { CUSTODY_TABLE, type ArchiveRow, type ArchiveSource, type ArchiveTableSource } from '../core/archive';
import {
  createCustodyEntry,
  custodyAnchorOf,
  custodyFilesFromReport,
  TOOL_VERSION,
  type BundleVerdict,
  type CustodyEntry,
  type GeoDatabaseInfo,
} from '../core';
import type { AnalyzeEvidence } from './analyze-evidence';
import type { PipelineResult } from './analyze-pipeline';

/**
 * The tables a CLI-made archive carries (docs/archive-format.md). The first four have the app store's shape, so the
 * app imports them as they are; the `cli…` ones are what `analyze` computes in memory, kept for reading and for other
 * tools — the app does not store them but derives its own from the evidence after import (tokens, ingest, analyses).
 */
export const CLI_ARCHIVE_TABLES = [
  'cases',
  CUSTODY_TABLE,
  'imports',
  'evidenceFiles',
  'cliEvents',
  'cliTokenAnalyses',
  'cliFindings',
  'cliIdentities',
] as const;

async function* each<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

function table(name: (typeof CLI_ARCHIVE_TABLES)[number], rows: readonly unknown[]): ArchiveTableSource {
  return { name, rows: () => each(rows as readonly ArchiveRow[]) };
}

/** Drops fields whose value is undefined, as a JSON round trip would, so the rows are the ones the store writes. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}

function importDetail(report: BundleVerdict): string {
  const origin = report.origin;
  const zip = origin.sha256 ? `; zip ${origin.size} bytes, sha256 ${origin.sha256}` : '';
  return `${origin.type} "${origin.name}"${zip}; ${report.files.length} files, ${report.problems.length} problems (tokentrail case export)`;
}

interface ExportContext {
  readonly investigator: string;
  readonly at: number;
  readonly geoDatabases: readonly GeoDatabaseInfo[];
}

/**
 * An archive source for what `analyze` read and computed: a new case (fresh id) whose custody chain records its
 * creation and one import per bundle, its import and file records, every evidence file streamed again from its
 * bundle, and the pipeline's events, token analyses and findings.
 */
export function cliArchiveSource(
  evidence: AnalyzeEvidence,
  result: PipelineResult,
  context: ExportContext,
  targets: readonly string[],
): ArchiveSource {
  const caseId = randomUUID();
  const title =
    evidence.reports.find((report) => report.manifest.case.title)?.manifest.case.title ?? path.basename(targets[0]!);
  const base = { caseId, at: context.at, investigator: context.investigator, toolVersion: TOOL_VERSION };
  const custody: CustodyEntry[] = [
    createCustodyEntry(undefined, {
      ...base,
      action: 'case-created',
      source: 'tokentrail case export',
      files: [],
      detail: title,
    }),
  ];
  const imports: object[] = [];
  const files: object[] = [];
  const sources: ArchiveSource['evidence'][number][] = [];
  let bytes = 0;
  evidence.reports.forEach((report, index) => {
    const importId = randomUUID();
    const present = new Map(evidence.presentFiles[index]!.map((file) => [file.path, file]));
    imports.push(
      defined({
        id: importId,
        caseId,
        at: context.at,
        investigator: context.investigator,
        origin: report.origin,
        verdict: report.verdict,
        status: 'complete',
        problems: report.problems,
        manifestBytes: report.manifestBytes,
        fileCount: report.files.length,
      }),
    );
    for (const check of report.files) {
      const id = randomUUID();
      files.push(
        defined({
          id,
          caseId,
          importId,
          path: check.path,
          kind: check.kind,
          mediaType: check.mediaType,
          verdict: check.verdict,
          size: check.actual?.size,
          sha256: check.actual?.sha256,
          declared: check.declared,
          description: check.description,
        }),
      );
      const file = present.get(check.path);
      if (!file) continue;
      bytes += file.size;
      sources.push({ fileId: id, path: check.path, chunks: () => file.open().chunks() });
    }
    custody.push(
      createCustodyEntry(custody.at(-1), {
        ...base,
        action: 'import',
        source: report.origin.name,
        verdict: report.verdict,
        files: custodyFilesFromReport({ ...report, contents: [] }),
        detail: importDetail(report),
      }),
    );
  });
  const caseRecord = defined({
    id: caseId,
    title,
    createdAt: context.at,
    updatedAt: context.at,
    metadata: evidence.reports.find((report) => !report.manifest.generated)?.manifest.case,
    counts: {
      imports: imports.length,
      files: files.length,
      bytes,
      tokens: 0,
      sightings: 0,
      custodyEntries: custody.length,
      events: 0,
      eventProblems: 0,
    },
    custodyAnchor: custodyAnchorOf(custody.at(-1)),
    geoDatabases: context.geoDatabases.length > 0 ? context.geoDatabases : undefined,
  });
  return {
    producer: 'cli',
    case: { id: caseId, title },
    createdAt: context.at,
    createdBy: context.investigator,
    geoDatabases: context.geoDatabases,
    evidence: sources,
    tables: [
      table('cases', [caseRecord]),
      table(CUSTODY_TABLE, custody),
      table('imports', imports),
      table('evidenceFiles', files),
      table('cliEvents', result.events),
      table('cliTokenAnalyses', result.analyses),
      table('cliFindings', result.timeline.findings),
      // One row: who each subject is, which exports of the archive name (core/timeline identity).
      table('cliIdentities', [result.timeline.identities]),
    ],
  };
}
