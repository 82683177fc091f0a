import { readFileSync } from 'node:fs';
import {
  EvidenceError,
  parseSource,
  SOURCE_FORMAT_NAMES,
  type AuthEvent,
  type CsvMapping,
  type GeoLocator,
  type ParseProblem,
  type ParseSummary,
  type SourceFormatName,
} from '../core';
import { CliError } from './cli-error';
import type { Command } from './command';
import { openGeoLocator } from './geo-node';
import { expandTargets } from './ingest-inputs';
import type { Output } from './output';
import { terminalSafeOutput } from './terminal-text';

/** Exit codes of `tokentrail ingest`. */
export const INGEST_EXIT = { ok: 0, formatUnknown: 1, unreadable: 2 } as const;

/** Parsed options of `tokentrail ingest`. */
export interface IngestOptions {
  readonly targets: readonly string[];
  readonly json: boolean;
  readonly format?: SourceFormatName;
  readonly logFormat?: string;
  readonly csvMapping?: CsvMapping;
  readonly geo: boolean;
  readonly geoDatabases: readonly string[];
}

const OPTIONS = {
  format: { type: 'string' },
  'log-format': { type: 'string' },
  'csv-mapping': { type: 'string' },
} as const;

/** `tokentrail ingest`: parse logs into normalized auth events. */
export const ingestCommand: Command<typeof OPTIONS> = {
  name: 'ingest',
  help: `  tokentrail ingest <files | folders | bundle.zip>... [--format NAME] [--json]
                  [--log-format FORMAT] [--csv-mapping MAPPING.json] [--geo-db FILE.mmdb]... [--no-geo]
      Parse logs into normalized auth events (formats: har, tokentrail-jsonl, access-log, okta, auth0,
      keycloak, entra, cloudtrail, csv, token-list; detected from content unless --format is given).
      With --json: one event per line on stdout. Problems go to stderr as file:line: reason, then a summary.
      Exit 0 when every file was read (malformed lines are reported, not fatal), 1 when a file's format
      was not recognised, 2 when a file could not be read at all. Docs: docs/sources.md`,
  options: OPTIONS,
  shared: ['json', 'geo-db', 'no-geo'],
  async run({ values, positionals: targets, shared }, out) {
    if (targets.length === 0) throw new CliError('wrong-input-count', 'needs at least one file, folder or bundle');
    const format = values.format;
    if (format !== undefined && !SOURCE_FORMAT_NAMES.includes(format as SourceFormatName))
      throw new CliError('invalid-value', `unknown format "${format}" (one of ${SOURCE_FORMAT_NAMES.join(', ')})`);
    const csvMapping = values['csv-mapping'] === undefined ? undefined : readCsvMapping(values['csv-mapping']);
    return ingest(
      {
        targets,
        json: shared.json,
        format: format as SourceFormatName | undefined,
        logFormat: values['log-format'],
        csvMapping,
        geo: shared.geo,
        geoDatabases: shared.geoDatabases,
      },
      out,
    );
  },
};

/** The CSV mapping named by --csv-mapping, read before any log is. */
function readCsvMapping(file: string): CsvMapping {
  let mapping: CsvMapping;
  try {
    mapping = JSON.parse(readFileSync(file, 'utf8')) as CsvMapping;
  } catch (error) {
    throw new CliError('unreadable-input', `${file}: cannot read the CSV mapping (${(error as Error).message})`);
  }
  if (typeof mapping !== 'object' || mapping === null || typeof mapping.columns !== 'object')
    throw new CliError('unreadable-input', `${file}: a CSV mapping needs a "columns" object`);
  return mapping;
}

function problemLine(problem: ParseProblem): string {
  return `${problem.file}${problem.line ? `:${problem.line}` : ''}${problem.index !== undefined ? ` [entry ${problem.index}]` : ''}: ${problem.message} [${problem.code}]`;
}

function humanLine(event: AuthEvent): string {
  const time = event.ts === null ? '(no time)'.padEnd(24) : new Date(event.ts).toISOString();
  const where = `${event.source.file}${event.source.line ? `:${event.source.line}` : ''}`;
  const geo = event.geo?.country ? ` ${event.geo.country}` : '';
  return `${time}  ${event.kind.padEnd(9)} ${(event.subject ?? '-').padEnd(28)} ${event.ip ?? '-'}${geo}  tokens:${event.tokenHashes.length}  ${where}`;
}

/**
 * `tokentrail ingest <files|folders|bundles>... [--format NAME] [--json]`: normalized events out, problems to stderr.
 * Every line goes through terminalSafeOutput: events, problems and file names carry the evidence's own text.
 */
export async function ingest(options: IngestOptions, output: Output): Promise<number> {
  const out = terminalSafeOutput(output);
  let exit: number = INGEST_EXIT.ok;
  let geo: { locator: GeoLocator; close(): void } | undefined;
  if (options.geo) {
    try {
      geo = openGeoLocator(options.geoDatabases);
    } catch (error) {
      out.stderr(`tokentrail: cannot open the geolocation database (${(error as Error).message}).`);
      return INGEST_EXIT.unreadable;
    }
    for (const database of geo?.locator.databases ?? [])
      out.stderr(
        `geolocation: ${database.name}, version ${database.version}, SHA-256 ${database.sha256}${database.license ? ` (${database.license})` : ''}`,
      );
    if (!geo) out.stderr('geolocation: no database found; IPs are not placed (use --geo-db FILE.mmdb)');
  }
  const summaries: ParseSummary[] = [];
  try {
    for (const target of options.targets) {
      let expanded;
      try {
        expanded = await expandTargets([target], (file, why) => out.stderr(`${file}: skipped (${why})`));
      } catch (error) {
        const message =
          error instanceof EvidenceError ? error.message : `${target}: cannot be read (${(error as Error).message})`;
        out.stderr(`tokentrail: ${message}`);
        exit = INGEST_EXIT.unreadable;
        continue;
      }
      for (const file of expanded.files) {
        try {
          const run = parseSource(file.input, await file.sha256(), {
            format: options.format,
            formatOptions: { accessLogFormat: options.logFormat, csvMapping: options.csvMapping },
            geo: geo?.locator,
          });
          for (;;) {
            const next = await run.next();
            if (next.done) {
              summaries.push(next.value);
              if (next.value.format === null && exit === INGEST_EXIT.ok) exit = INGEST_EXIT.formatUnknown;
              break;
            }
            for (const event of next.value.events) out.stdout(options.json ? JSON.stringify(event) : humanLine(event));
            for (const problem of next.value.problems) out.stderr(problemLine(problem));
          }
        } catch (error) {
          out.stderr(`tokentrail: ${file.input.path}: cannot be read (${(error as Error).message})`);
          exit = INGEST_EXIT.unreadable;
        }
      }
      await expanded.close();
    }
  } finally {
    geo?.close();
  }
  printSummary(summaries, out);
  return exit;
}

function printSummary(summaries: readonly ParseSummary[], out: Output): void {
  out.stderr('');
  for (const summary of summaries) {
    const counts = Object.entries(summary.problemCounts)
      .map(([code, count]) => `${count} ${code}`)
      .join(', ');
    const format = summary.format
      ? `${summary.format}${summary.formatChosenBy === 'override' ? ' (--format)' : ''}`
      : 'format not recognised';
    const facts = Object.entries(summary.facts)
      .map(([key, value]) => `${key}: ${value}`)
      .join(', ');
    out.stderr(
      `${summary.file}: ${format}, ${summary.events} events from ${summary.records} records, ${summary.problems} problems${counts ? ` (${counts})` : ''}${facts ? `; ${facts}` : ''}`,
    );
  }
  const events = summaries.reduce((sum, summary) => sum + summary.events, 0);
  const problems = summaries.reduce((sum, summary) => sum + summary.problems, 0);
  out.stderr(`Ingested ${events} events from ${summaries.length} files; ${problems} problems.`);
}
