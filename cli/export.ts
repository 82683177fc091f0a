import path from 'node:path';
import { EvidenceError, type GeoLocator } from '../core';
import {
  EXPORT_FORMATS,
  exportFindings,
  exportTimeline,
  findingWriter,
  indexNameProblem,
  isTimelineFormat,
  annotatedEvents,
  annotatedFindings,
  type ExportFormatName,
  type ExportStream,
} from '../core/export';
import { eventMatcher, isEmptyEventFilter, type EventFilter } from '../core/timeline';
import { timelineWriter } from '../core/export';
import { CliError } from './cli-error';
import type { Command, SharedFlags } from './command';
import { exportFilter, FILTER_OPTIONS } from './export-filter';
import { readExportInput, recordId, type ExportInput } from './export-input';
import { fileSink, standardOutputSink, type TextSink } from './export-sink';
import { openGeoLocator } from './geo-node';
import type { Output } from './output';
import { terminalSafeOutput } from './terminal-text';

/** Exit codes of `tokentrail export` (docs/cli.md). */
export const EXPORT_EXIT = { ok: 0, nothingMatched: 1, unreadable: 2 } as const;

const OPTIONS = {
  format: { type: 'string', needs: `a format: ${EXPORT_FORMATS.join(', ')}` },
  out: { type: 'string', needs: 'a file to write' },
  index: { type: 'string', needs: 'an OpenSearch index name' },
  ...FILTER_OPTIONS,
} as const;

/** Parsed options of one export. */
interface ExportRequest {
  readonly targets: readonly string[];
  readonly format: ExportFormatName;
  readonly out?: string;
  readonly index?: string;
  readonly filter: EventFilter;
}

/** `tokentrail export <bundle|files>... --format F [--out FILE] [--index NAME] [filters]`. */
export const exportCommand: Command<typeof OPTIONS> = {
  name: 'export',
  help: `  tokentrail export <bundle.zip | folder | file>... | <case.ttcase> --format FORMAT
                  [--out FILE] [--index NAME] [--from TIME] [--to TIME] [--subject S] [--ip IP]
                  [--token HASH|TOKEN] [--kind KIND] [--text TEXT] [--geo-db FILE.mmdb]... [--no-geo]
      Run the pipeline of analyze on the evidence, or verify a case archive (refused whole when it fails)
      and read its stored case with the investigator's annotations, and write the timeline or the
      findings for other tools (docs/exports.md): timesketch (Timesketch JSONL), opensearch (a _bulk body; --index names the index, default
      tokentrail-timeline), csv (the timeline), findings-csv, findings-jsonl (the records of analyze --json).
      CSV cells starting with = + - @ tab or CR get a leading ' so spreadsheets show them as text.
      The filters mean what the app's timeline filter means (times inclusive, ISO 8601, UTC unless a zone
      is given); a finding is kept when one of its linked events is. Writes standard output unless --out.
      Exit 0, 1 when the filter kept nothing (the file holds only its header), 2 when evidence cannot be
      read, the archive is refused, or the output cannot be written.`,
  options: OPTIONS,
  shared: ['geo-db', 'no-geo'],
  async run({ values, positionals: targets, shared }, out) {
    const format = values.format;
    if (format === undefined) throw new CliError('missing-value', `--format needs ${OPTIONS.format.needs}`);
    if (!EXPORT_FORMATS.includes(format as ExportFormatName))
      throw new CliError('invalid-value', `--format needs ${OPTIONS.format.needs}`);
    if (values.index !== undefined) {
      if (format !== 'opensearch') throw new CliError('invalid-value', '--index applies to --format opensearch only');
      const problem = indexNameProblem(values.index);
      if (problem) throw new CliError('invalid-value', `--index: ${problem}`);
    }
    if (targets.length === 0)
      throw new CliError(
        'wrong-input-count',
        'needs at least one bundle (.zip or folder) or evidence file, or one case archive (.ttcase)',
      );
    if (values.out !== undefined && targets.some((target) => path.resolve(target) === path.resolve(values.out!)))
      throw new CliError('invalid-value', '--out names one of the inputs: evidence is never overwritten');
    const request: ExportRequest = {
      targets,
      format: format as ExportFormatName,
      out: values.out,
      index: values.index,
      filter: exportFilter(values),
    };
    return runExport(request, shared, out);
  },
};

/** The rows of the request, filtered and annotated, through the format's writer. */
async function exportStream(request: ExportRequest, input: ExportInput, chunkChars?: number): Promise<ExportStream> {
  const matches = eventMatcher(request.filter);
  // The CLI's "file" facet would be the evidence file; the CLI offers no --file, so the SHA-256 stands in.
  const kept = input.events.filter((row) => matches(row.event, row.event.source.sha256));
  if (isTimelineFormat(request.format))
    return exportTimeline(
      timelineWriter(request.format, { index: request.index }),
      annotatedEvents([kept], input.annotations),
      chunkChars,
    );
  // As in the app (renderer/findings/findings-in-filter.ts): a finding is kept when one of its linked events is.
  const keptRecords = new Set(kept.map((row) => recordId(row.event.source)));
  const findings = isEmptyEventFilter(request.filter)
    ? input.findings
    : input.findings.filter((finding) => finding.events.some((event) => keptRecords.has(recordId(event.source))));
  const rows = await annotatedFindings(
    findings.map((finding) => ({ finding, identities: input.identities })),
    input.annotations,
  );
  return exportFindings(findingWriter(request.format), rows, chunkChars);
}

async function runExport(request: ExportRequest, flags: SharedFlags, output: Output): Promise<number> {
  const out = terminalSafeOutput(output);
  let geo: { locator: GeoLocator; close(): void } | undefined;
  let input: ExportInput | undefined;
  try {
    if (flags.geo) {
      geo = openGeoLocator(flags.geoDatabases);
      if (!geo) out.stderr('geolocation: no database found; IPs are not placed (use --geo-db FILE.mmdb)');
    }
    input = await readExportInput(request.targets, geo?.locator, out);
  } catch (error) {
    geo?.close();
    await input?.close();
    if (error instanceof CliError) throw error;
    const message = error instanceof EvidenceError ? error.message : `cannot be read (${(error as Error).message})`;
    out.stderr(`tokentrail: ${message}`);
    return EXPORT_EXIT.unreadable;
  }
  const sink: TextSink =
    request.out === undefined
      ? standardOutputSink(output, request.format !== 'csv' && request.format !== 'findings-csv')
      : fileSink(request.out);
  try {
    const stream = await exportStream(request, input, sink.recordByRecord ? 1 : undefined);
    for await (const chunk of stream.chunks) await sink.write(chunk);
    await sink.finish();
    const what = isTimelineFormat(request.format) ? 'event(s)' : 'finding(s)';
    out.stderr(`Exported ${stream.written} ${what}${request.out === undefined ? '' : ` to ${request.out}`}.`);
    if (stream.leftOut > 0)
      out.stderr(
        `${stream.leftOut} event(s) without a time were left out: Timesketch requires a datetime on every line (the csv and opensearch formats keep them).`,
      );
    return stream.written === 0 ? EXPORT_EXIT.nothingMatched : EXPORT_EXIT.ok;
  } catch (error) {
    await sink.abort();
    out.stderr(`tokentrail: cannot write the export (${(error as Error).message})`);
    return EXPORT_EXIT.unreadable;
  } finally {
    geo?.close();
    await input.close();
  }
}
