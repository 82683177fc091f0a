import { readFileSync } from 'node:fs';
import { EvidenceError, parseSource, SOURCE_FORMAT_NAMES, type AuthEvent, type CsvMapping, type GeoLocator, type ParseProblem, type ParseSummary, type SourceFormatName } from '../core';
import { openGeoLocator } from './geo-node';
import { expandTargets } from './ingest-inputs';
import type { Output } from './output';

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

const VALUE_FLAGS = ['--format', '--log-format', '--csv-mapping', '--geo-db'];

/** Read `ingest` arguments; returns a usage problem as a string. */
export function parseIngestArgs(argv: readonly string[]): IngestOptions | string {
  const targets: string[] = [];
  const values: Record<string, string[]> = {};
  let json = false;
  let geo = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (VALUE_FLAGS.includes(arg)) {
      const value = argv[++i];
      if (value === undefined) return `${arg} needs a value`;
      (values[arg] ??= []).push(value);
    } else if (arg === '--json') json = true;
    else if (arg === '--no-geo') geo = false;
    else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else targets.push(arg);
  }
  if (targets.length === 0) return 'ingest needs at least one file, folder or bundle';
  const format = values['--format']?.[0];
  if (format !== undefined && !SOURCE_FORMAT_NAMES.includes(format as SourceFormatName)) return `unknown format "${format}" (one of ${SOURCE_FORMAT_NAMES.join(', ')})`;
  let csvMapping: CsvMapping | undefined;
  const mappingFile = values['--csv-mapping']?.[0];
  if (mappingFile) {
    try {
      csvMapping = JSON.parse(readFileSync(mappingFile, 'utf8')) as CsvMapping;
      if (typeof csvMapping !== 'object' || csvMapping === null || typeof csvMapping.columns !== 'object') return `${mappingFile}: a CSV mapping needs a "columns" object`;
    } catch (error) {
      return `${mappingFile}: cannot read the CSV mapping (${(error as Error).message})`;
    }
  }
  return { targets, json, format: format as SourceFormatName | undefined, logFormat: values['--log-format']?.[0], csvMapping, geo, geoDatabases: values['--geo-db'] ?? [] };
}

function problemLine(problem: ParseProblem): string {
  return `${problem.file}${problem.line ? `:${problem.line}` : ''}${problem.index !== undefined ? ` [entry ${problem.index}]` : ''}: ${problem.message} [${problem.code}]`;
}

function humanLine(event: AuthEvent): string {
  const time = event.ts === null ? '(no time)'.padEnd(24) : new Date(event.ts).toISOString();
  const where = `${event.source.file}${event.source.line ? `:${event.source.line}` : ''}`;
  const geo = event.geo?.country ? ` ${event.geo.country}` : '';
  return `${time}  ${event.kind.padEnd(9)} ${(event.subject ?? '-').padEnd(28)} ${(event.ip ?? '-')}${geo}  tokens:${event.tokenHashes.length}  ${where}`;
}

/** `tokentrail ingest <files|folders|bundles>... [--format NAME] [--json]`: normalized events out, problems to stderr. */
export async function ingest(options: IngestOptions, out: Output): Promise<number> {
  let exit: number = INGEST_EXIT.ok;
  let geo: { locator: GeoLocator; close(): void } | undefined;
  if (options.geo) {
    try {
      geo = openGeoLocator(options.geoDatabases);
    } catch (error) {
      out.stderr(`tokentrail: cannot open the geolocation database (${(error as Error).message}).`);
      return INGEST_EXIT.unreadable;
    }
    for (const database of geo?.locator.databases ?? []) out.stderr(`geolocation: ${database.name}, version ${database.version}, SHA-256 ${database.sha256}${database.license ? ` (${database.license})` : ''}`);
    if (!geo) out.stderr('geolocation: no database found; IPs are not placed (use --geo-db FILE.mmdb)');
  }
  const summaries: ParseSummary[] = [];
  try {
    for (const target of options.targets) {
      let files;
      try {
        files = await expandTargets([target], (file, why) => out.stderr(`${file}: skipped (${why})`));
      } catch (error) {
        const message = error instanceof EvidenceError ? error.message : `${target}: cannot be read (${(error as Error).message})`;
        out.stderr(`tokentrail: ${message}`);
        exit = INGEST_EXIT.unreadable;
        continue;
      }
      for (const file of files) {
        try {
          const run = parseSource(file.input, await file.sha256(), { format: options.format, formatOptions: { accessLogFormat: options.logFormat, csvMapping: options.csvMapping }, geo: geo?.locator });
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
    const counts = Object.entries(summary.problemCounts).map(([code, count]) => `${count} ${code}`).join(', ');
    const format = summary.format ? `${summary.format}${summary.formatChosenBy === 'override' ? ' (--format)' : ''}` : 'format not recognised';
    const facts = Object.entries(summary.facts).map(([key, value]) => `${key}: ${value}`).join(', ');
    out.stderr(`${summary.file}: ${format}, ${summary.events} events from ${summary.records} records, ${summary.problems} problems${counts ? ` (${counts})` : ''}${facts ? `; ${facts}` : ''}`);
  }
  const events = summaries.reduce((sum, summary) => sum + summary.events, 0);
  const problems = summaries.reduce((sum, summary) => sum + summary.problems, 0);
  out.stderr(`Ingested ${events} events from ${summaries.length} files; ${problems} problems.`);
}
