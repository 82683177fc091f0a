import { generateKeyPairSync } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CUSTODY_TABLE,
  readArchive,
  verifyArchive,
  writeArchive,
  type ArchiveRow,
  type ArchiveSource,
} from '../../../core/archive';
import { changeDigest, normalizeAnnotation, type AnnotationState } from '../../../core/annotations';
import { createCustodyEntry, TOOL_VERSION, type CustodyEntry } from '../../../core';
import { SEVERITY_RANK, type Severity } from '../../../core/token';
import { encodeBlockEvents, type TimelineFinding } from '../../../core/timeline';
import type { AuthEvent } from '../../../core/sources';
import { runCli } from '../../support/run-cli';
import { memoryInput } from '../../support/craft-zip';
import { useTempDirs } from '../electron/temp-dir';

// `export` and `report create` reading a case archive: a real archive made by `case export` (producer cli), and an app
// archive written by core/archive from the same case in the app store's shape with the investigator's annotations
// and their journal entries (what renderer/archive writes; the e2e case-archive spec exports one from the real app).
const SAMPLE = 'test/fixtures/bundles/sample-case.zip';
const AT = '2026-12-01T10:00:00Z';

const cli = runCli;

async function cliArchive(dir: string): Promise<string> {
  const file = path.join(dir, 'sample.ttcase');
  const made = await cli('case', 'export', SAMPLE, '--out', file, '--no-geo', '--investigator', 'Dana');
  expect(made.code, made.stderr).toBe(0);
  return file;
}

async function tablesOf(bytes: Uint8Array) {
  const input = memoryInput('case.zip', bytes);
  const verified = await verifyArchive(input);
  const tables = new Map<string, ArchiveRow[]>();
  const evidence: { fileId: string; path: string; bytes: Uint8Array[] }[] = [];
  await readArchive(input, verified, {
    async evidence(file, chunks) {
      const parts: Uint8Array[] = [];
      for await (const chunk of chunks) parts.push(chunk.slice());
      evidence.push({ fileId: file.fileId, path: file.path, bytes: parts });
    },
    async rows(table, batch) {
      tables.set(table.name, [...(tables.get(table.name) ?? []), ...batch]);
    },
  });
  return { manifest: verified.manifest, tables, evidence };
}

/** What the investigator did in the app: a note and tag on an event, a disposition on two findings. */
interface Annotated {
  readonly eventSeq: number;
  readonly dismissed: TimelineFinding;
  readonly confirmed: TimelineFinding;
}

/**
 * The CLI archive's case rewritten as the app stores it (authEvents keyed by seq, timelineFindings, caseAnalyses,
 * tokens, annotationStates) with journal entries for each annotation, and written by core/archive as producer `app`.
 */
async function appArchive(
  dir: string,
  source: string,
  layout: 'rows' | 'blocks' = 'rows',
): Promise<{ file: string; annotated: Annotated }> {
  const { manifest, tables, evidence } = await tablesOf(new Uint8Array(await readFile(source)));
  const caseId = manifest.case.id;
  const events = tables.get('cliEvents')!;
  const findings = tables.get('cliFindings')! as unknown as TimelineFinding[];
  const bySeverity = (severity: Severity) => findings.find((finding) => finding.severity === severity)!;
  const dismissed = bySeverity('critical');
  const confirmed = findings.find((finding) => SEVERITY_RANK[finding.severity] < SEVERITY_RANK.high)!;
  expect(confirmed, 'the sample case has a finding below high').toBeDefined();
  // A timed event (Timesketch lines need a time), not the first one.
  const eventSeq = events.findIndex((event, seq) => seq > 0 && event.ts !== null);
  const states: [string, AnnotationState][] = [
    [
      `event:${eventSeq}`,
      normalizeAnnotation({ note: 'first use from the new device', tags: ['pivot'], starred: true }),
    ],
    [
      `finding:${dismissed.key}`,
      normalizeAnnotation({ note: 'test traffic', tags: [], starred: false, disposition: 'false-positive' }),
    ],
    [
      `finding:${confirmed.key}`,
      normalizeAnnotation({ note: 'seen by the SOC', tags: [], starred: false, disposition: 'confirmed' }),
    ],
  ];
  const custody = [...(tables.get(CUSTODY_TABLE)! as unknown as CustodyEntry[])];
  for (const [target, state] of states)
    custody.push(
      createCustodyEntry(custody.at(-1), {
        caseId,
        at: Date.parse(AT),
        investigator: 'Dana',
        toolVersion: TOOL_VERSION,
        action: 'annotation-created',
        source: 'annotation',
        files: [],
        target,
        digest: changeDigest({ before: null, after: state }),
      }),
    );
  const rowsOf = (name: string, rows: readonly object[]) => ({
    name,
    rows: async function* () {
      yield* rows as ArchiveRow[];
    },
  });
  const archive: ArchiveSource = {
    producer: 'app',
    case: manifest.case,
    createdAt: Date.parse(AT),
    createdBy: 'Dana',
    geoDatabases: [],
    evidence: evidence.map((file) => ({
      fileId: file.fileId,
      path: file.path,
      chunks: async function* () {
        yield* file.bytes;
      },
    })),
    tables: [
      rowsOf('cases', tables.get('cases')!),
      rowsOf('evidenceFiles', tables.get('evidenceFiles')!),
      rowsOf(CUSTODY_TABLE, custody),
      rowsOf('imports', tables.get('imports')!),
      rowsOf(
        'tokens',
        tables.get('cliTokenAnalyses')!.map((analysis) => {
          const decoded = analysis.decoded as { compact: string; header: object; claims: object };
          return {
            caseId,
            tokenHash: analysis.tokenHash,
            compact: decoded.compact,
            header: decoded.header,
            claims: decoded.claims,
          };
        }),
      ),
      layout === 'rows'
        ? rowsOf(
            'authEvents',
            events.map((event, seq) => ({
              caseId,
              seq,
              ts: event.ts ?? -8.64e15,
              ingestId: 'i',
              fileId: 'f',
              facets: [],
              event,
            })),
          )
        : // The app's block layout: block k holds seqs k·128 onwards, so the events keep the seqs the annotations name.
          rowsOf(
            'eventBlocks',
            Array.from({ length: Math.ceil(events.length / 128) }, (_, block) => ({
              caseId,
              block,
              ingestId: 'i',
              fileId: 'f',
              ...encodeBlockEvents(events.slice(block * 128, block * 128 + 128) as unknown as AuthEvent[]),
            })),
          ),
      rowsOf(
        'annotationStates',
        states.map(([target, state]) => ({
          caseId,
          target,
          kind: target.split(':')[0],
          id: target.slice(target.indexOf(':') + 1),
          rev: 1,
          at: Date.parse(AT),
          investigator: 'Dana',
          state,
          facets: [],
        })),
      ),
      rowsOf(
        'timelineFindings',
        findings.map((finding) => ({
          ...finding,
          caseId,
          rank: SEVERITY_RANK[finding.severity],
          firstSeenAt: 1,
          runAt: 1,
        })),
      ),
      rowsOf('caseAnalyses', [{ caseId, parameters: {}, identities: tables.get('cliIdentities')![0] }]),
    ],
  };
  const chunks: Uint8Array[] = [];
  await writeArchive(archive, (chunk) => void chunks.push(chunk.slice()));
  const file = path.join(dir, `app-${layout}.ttcase`);
  await writeFile(file, Buffer.concat(chunks));
  return { file, annotated: { eventSeq, dismissed, confirmed } };
}

function lines(text: string): Record<string, unknown>[] {
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('tokentrail export and report create from a case archive', () => {
  const tempDir = useTempDirs();

  it('exports a CLI archive exactly as the bundle it was made from, in every format', async () => {
    const dir = await tempDir();
    const archive = await cliArchive(dir);
    for (const format of ['findings-jsonl', 'timesketch', 'csv', 'findings-csv', 'opensearch']) {
      const fromBundle = await cli('export', SAMPLE, '--format', format, '--no-geo');
      const fromArchive = await cli('export', archive, '--format', format);
      expect(fromArchive.code, fromArchive.stderr).toBe(0);
      expect(fromArchive.stdout, format).toBe(fromBundle.stdout);
    }
    // The filters apply to an archive as to evidence; a .zip name makes no difference, the content says archive.
    const renamed = path.join(dir, 'sample.zip');
    await writeFile(renamed, await readFile(archive));
    const filtered = await cli('export', renamed, '--format', 'findings-jsonl', '--ip', '175.45.176.3');
    expect(filtered.stdout).toBe(
      (await cli('export', SAMPLE, '--format', 'findings-jsonl', '--ip', '175.45.176.3', '--no-geo')).stdout,
    );
    expect(lines(filtered.stdout).length).toBeGreaterThan(0);
  }, 60_000);

  it('refuses a tampered archive whole (exit 2, the entry or the body named, nothing written), and an archive with other inputs', async () => {
    const dir = await tempDir();
    const bytes = await readFile(await cliArchive(dir));
    bytes[Math.floor(bytes.length / 3)]! ^= 0x01;
    const tampered = path.join(dir, 'tampered.ttcase');
    await writeFile(tampered, bytes);
    const out = path.join(dir, 'out.csv');
    const exported = await cli('export', tampered, '--format', 'csv', '--out', out);
    expect(exported.code).toBe(2);
    // The flipped byte lies in a deflated table entry, named by its check; about one position in 800 there inflates
    // to the same content, and then the body's SHA-256 is what refuses it.
    expect(exported.stderr).toMatch(
      /tampered\.ttcase: refused whole: (.*"(evidence|tables)\/|the archive's bytes before manifest\.json do not have the SHA-256)/,
    );
    expect(await readdir(dir)).not.toContain('out.csv');
    const key = path.join(dir, 'key.pem');
    await writeFile(key, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const report = await cli('report', 'create', tampered, '--key', key, '--out', path.join(dir, 'report'));
    expect(report.code).toBe(2);
    expect(report.stderr).toContain('refused whole');
    expect(await readdir(dir)).not.toContain('report');
    const mixed = await cli('export', path.join(dir, 'sample.ttcase'), SAMPLE, '--format', 'csv');
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('a case archive is read on its own');
  }, 60_000);

  it("exports an app archive with the investigator's annotations on events and findings", async () => {
    const dir = await tempDir();
    const { file, annotated } = await appArchive(dir, await cliArchive(dir));
    const timeline = lines((await cli('export', file, '--format', 'timesketch')).stdout);
    const event = timeline.find((document) => document.event_id === String(annotated.eventSeq))!;
    expect(event).toMatchObject({ tag: ['pivot'], starred: true, note: 'first use from the new device' });
    expect(timeline.filter((document) => document.starred === true)).toHaveLength(1);
    const times = timeline.map((document) => document.timestamp as number);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const findings = lines((await cli('export', file, '--format', 'findings-jsonl')).stdout);
    expect(findings.find((finding) => finding.key === annotated.dismissed.key)).toMatchObject({
      annotation: { disposition: 'false-positive', note: 'test traffic' },
    });
    // The Findings view's order: most severe first.
    const ranks = findings.map((finding) => SEVERITY_RANK[finding.severity as Severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  }, 60_000);

  it('exports the same events from an app archive whether it holds them as rows or in blocks', async () => {
    const dir = await tempDir();
    const source = await cliArchive(dir);
    const rows = await appArchive(dir, source, 'rows');
    const blocks = await appArchive(dir, source, 'blocks');
    for (const format of ['csv', 'timesketch']) {
      const [fromRows, fromBlocks] = await Promise.all(
        [rows.file, blocks.file].map(async (file) => (await cli('export', file, '--format', format)).stdout),
      );
      expect(fromRows!.split('\n').length, format).toBeGreaterThan(5);
      expect(fromBlocks, format).toBe(fromRows);
    }
  }, 60_000);

  it('makes a report of an app archive that its dispositions choose, with annotations and the journal head', async () => {
    const dir = await tempDir();
    const source = await cliArchive(dir);
    const { file, annotated } = await appArchive(dir, source);
    const key = path.join(dir, 'key.pem');
    await writeFile(key, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const made = await cli(
      'report',
      'create',
      file,
      '--key',
      key,
      '--out',
      path.join(dir, 'report'),
      '--generated-at',
      AT,
    );
    expect(made.code, made.stderr).toBe(0);
    const report = JSON.parse(await readFile(path.join(dir, 'report', 'report.json'), 'utf8')) as {
      case: { id: string; limitations: string };
      findings: { key: string; disposition: string }[];
      annotations: { target: string; disposition?: string; author: string }[];
      journal: { length: number; headHash: string };
      evidence: { custody: unknown[] }[];
      method: { keys: unknown[] };
    };
    const verified = await verifyArchive(memoryInput('app.ttcase', new Uint8Array(await readFile(file))));
    expect(report.journal).toEqual(verified.manifest.custody);
    expect(report.journal.length).toBe(5);
    const keys = report.findings.map((finding) => finding.key);
    expect(keys).not.toContain(annotated.dismissed.key);
    expect(report.findings.find((finding) => finding.key === annotated.confirmed.key)?.disposition).toBe('confirmed');
    expect(report.annotations.map((annotation) => annotation.target).sort()).toEqual(
      [`finding:${annotated.confirmed.key}`].sort(),
    );
    expect(report.annotations[0]).toMatchObject({ disposition: 'confirmed', author: 'Dana' });
    expect(report.case.id).toBe('NW-IR-2026-0142');
    expect(report.evidence.every((file) => file.custody.length > 0)).toBe(true);
    expect(report.method.keys.length).toBeGreaterThan(0);
    // The same case from the bundle reports the dismissed finding, which no disposition leaves out there.
    const fromBundle = await cli(
      'report',
      'create',
      SAMPLE,
      '--key',
      key,
      '--out',
      path.join(dir, 'bundle-report'),
      '--no-geo',
      '--generated-at',
      AT,
    );
    expect(fromBundle.code).toBe(0);
    const bundleReport = JSON.parse(await readFile(path.join(dir, 'bundle-report', 'report.json'), 'utf8')) as {
      findings: { key: string }[];
      journal: unknown;
    };
    expect(bundleReport.findings.map((finding) => finding.key)).toContain(annotated.dismissed.key);
    expect(bundleReport.journal).toBeNull();
  }, 60_000);
});
