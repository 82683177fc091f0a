import { describe, expect, it } from 'vitest';
import {
  ArchiveError,
  decodeRow,
  encodeRow,
  readArchive,
  verifyArchive,
  writeArchive,
  type ArchiveEvidence,
  type ArchiveRow,
  type ArchiveTable,
} from '../../../../core/archive';
import { CancelledError, sha256Hex } from '../../../../core/evidence';
import { openZip } from '../../../../core/evidence/zip/read-zip';
import { unzipSync } from './unzip-helper';
import { craftZip, memoryInput } from '../../../support/craft-zip';
import { ARCHIVE_CASE_ID, archiveBytes, smallCase } from '../../../support/case-archive';

async function* rowsOf(rows: readonly ArchiveRow[]): AsyncGenerator<ArchiveRow> {
  yield* rows;
}

/** Everything a verified archive delivers in its second pass. */
async function readAll(bytes: Uint8Array) {
  const input = memoryInput('case.zip', bytes);
  const verified = await verifyArchive(input);
  const files: { file: ArchiveEvidence; bytes: number[] }[] = [];
  const tables: Record<string, ArchiveRow[]> = {};
  await readArchive(
    input,
    verified,
    {
      async evidence(file, chunks) {
        const collected: number[] = [];
        for await (const chunk of chunks) collected.push(...chunk);
        files.push({ file, bytes: collected });
      },
      async rows(table: ArchiveTable, batch) {
        (tables[table.name] ??= []).push(...batch);
      },
    },
    { batchSize: 2 },
  );
  return { verified, files, tables };
}

async function refusal(bytes: Uint8Array): Promise<ArchiveError> {
  const error = await verifyArchive(memoryInput('case.zip', bytes)).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ArchiveError)) throw new Error(`expected an ArchiveError, got ${String(error)}`);
  return error;
}

describe('case archive round trip', () => {
  it('brings back every evidence byte and every row as it was, key order and odd values included', async () => {
    const { source, tables, files } = smallCase();
    const bytes = await archiveBytes(source);
    const back = await readAll(bytes);
    expect(back.files.map((file) => file.file.path)).toEqual(['tokens.txt', 'keys/jwks.json']);
    expect(back.files.map((file) => Uint8Array.from(file.bytes))).toEqual(files);
    expect(back.files[0]!.file.sha256).toBe(sha256Hex(files[0]!));
    expect(back.tables.custody).toEqual(tables.custody);
    const events = back.tables.events!;
    expect(events[0]!.raw).toEqual(new Uint8Array([0, 255, 7]));
    expect(Object.is(events[1]!.ts, -0)).toBe(true);
    expect(events[1]!.score).toBeNaN();
    expect(events[1]!.slots).toEqual(new Float64Array([1.5, -2, Number.NaN]));
    expect(events[1]!.counts).toEqual(new Uint32Array([7, 2 ** 32 - 1]));
    expect(events[1]!.far).toBe(Number.POSITIVE_INFINITY);
    expect('gone' in events[1]!).toBe(true);
    expect(events[2]).toEqual(tables.events![2]);
    expect(events.map((row) => Object.keys(row))).toEqual(tables.events!.map((row) => Object.keys(row)));
    expect(back.tables.findings).toBeUndefined();
    expect(back.verified.manifest.tables.map((table) => [table.name, table.rows])).toEqual([
      ['custody', 3],
      ['events', 3],
      ['findings', 0],
    ]);
    expect(back.verified.manifest.custody).toEqual({
      length: 3,
      headHash: (tables.custody!.at(-1) as { hash: string }).hash,
    });
  });

  it('returns the SHA-256 of manifest.json, which verification finds again', async () => {
    const parts: Uint8Array[] = [];
    const written = await writeArchive(smallCase().source, (chunk) => void parts.push(chunk.slice()));
    const bytes = Uint8Array.from(parts.flatMap((part) => [...part]));
    expect(written.size).toBe(bytes.length);
    expect((await verifyArchive(memoryInput('case.zip', bytes))).manifestSha256).toBe(written.manifestSha256);
  });

  it('reads a "__proto__" key from an archive as a key like any other, never as the prototype', () => {
    const row = decodeRow('{"caseId":"c","__proto__":{"polluted":true}}');
    expect(Object.keys(row)).toEqual(['caseId', '__proto__']);
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(decodeRow(encodeRow(row, 't'))).toEqual(row);
  });

  it('refuses to write a value it cannot bring back', async () => {
    const { source } = smallCase();
    const bad = {
      ...source,
      tables: [
        ...source.tables,
        {
          name: 'dates',
          rows: async function* () {
            yield { when: new Date(0) } as never;
          },
        },
      ],
    };
    await expect(writeArchive(bad, () => {})).rejects.toMatchObject({ code: 'archive-value' });
  });
});

describe('progress and cancel', () => {
  it('reports progress while writing and verifying, and stops with CancelledError when cancelled', async () => {
    const phases = new Set<string>();
    const bytes = await archiveBytes(smallCase().source);
    await verifyArchive(memoryInput('case.zip', bytes), { onProgress: (progress) => void phases.add(progress.phase) });
    expect([...phases]).toEqual(expect.arrayContaining(['custody', 'events', 'body', 'evidence tokens.txt']));
    const signal = { aborted: true };
    await expect(writeArchive(smallCase().source, () => {}, { signal })).rejects.toBeInstanceOf(CancelledError);
    await expect(verifyArchive(memoryInput('case.zip', bytes), { signal })).rejects.toBeInstanceOf(CancelledError);
    const input = memoryInput('case.zip', bytes);
    const verified = await verifyArchive(input);
    const stopping = { aborted: false };
    const seen: string[] = [];
    const reading = readArchive(
      input,
      verified,
      {
        async evidence(file, chunks) {
          seen.push(file.path);
          stopping.aborted = true;
          for await (const _chunk of chunks) void _chunk;
        },
        async rows() {},
      },
      { signal: stopping },
    );
    await expect(reading).rejects.toBeInstanceOf(CancelledError);
    expect(seen).toEqual(['tokens.txt']);
  });
});

describe('a damaged or altered archive is refused whole, naming why', () => {
  it('refuses every single-byte change anywhere in the archive', async () => {
    const bytes = await archiveBytes(smallCase().source);
    const codes = new Set<string>();
    for (let at = 0; at < bytes.length; at++) {
      for (const mask of [0x01, 0xff]) {
        const changed = bytes.slice();
        changed[at]! ^= mask;
        codes.add((await refusal(changed)).code);
      }
    }
    // Several kinds of refusal: the check that catches a byte depends on where it is.
    expect(codes.size).toBeGreaterThan(2);
  }, 120_000);

  it("refuses a changed byte in any entry's deflated data as that entry's hash mismatch, never as a row", async () => {
    const { source } = smallCase();
    // Several hundred rows make table entries span many deflate symbols, so a changed byte often still inflates to
    // text that no longer parses as a row well before the entry's end: the hash must be what is reported.
    const events = Array.from({ length: 150 }, (_, seq) => ({ caseId: ARCHIVE_CASE_ID, seq, text: `event ${seq}` }));
    const bytes = await archiveBytes({
      ...source,
      tables: [...source.tables, { name: 'many', rows: () => rowsOf(events) }],
    });
    const zip = await openZip(memoryInput('case.zip', bytes), {
      maxEntries: 100,
      maxCompressionRatio: 1032,
      maxUncompressedBytes: 1e9,
    });
    const entries = zip.entries.filter((entry) => entry.name !== 'manifest.json');
    expect(entries.map((entry) => entry.name)).toContain('tables/many.ndjson');
    const refusals: Record<string, number> = {};
    for (const { name, record } of entries) {
      const start = record.localHeaderOffset + 30 + record.nameBytes.length;
      // The last byte may end in padding bits that inflate ignores (then the body hash refuses it, tested above).
      for (let at = start; at < start + record.compressedSize - 1; at++) {
        for (const mask of [0x01, 0xff]) {
          const changed = bytes.slice();
          changed[at]! ^= mask;
          const refused = await refusal(changed);
          const what = `${name} byte ${at - start} ^ ${mask}: ${refused.message}`;
          refusals[refused.code] = (refusals[refused.code] ?? 0) + 1;
          // A changed back-reference can copy the same text from elsewhere: the entry inflates unchanged, and only
          // the body hash (checked last) sees the byte. Anything else is the entry's hash mismatch.
          if (refused.code === 'archive-layout') {
            expect(refused.message, what).toContain('do not have the SHA-256 it records');
            continue;
          }
          expect({ code: refused.code, entry: refused.entry }, what).toEqual({
            code: 'archive-entry-hash',
            entry: name,
          });
          expect(refused.message, what).toContain(`the entry "${name}" does not match its SHA-256 in the manifest`);
        }
      }
    }
    expect(refusals['archive-entry-hash']).toBeGreaterThan(20 * (refusals['archive-layout'] ?? 0));
  }, 300_000);

  it('refuses an archive cut short at any length', async () => {
    const bytes = await archiveBytes(smallCase().source);
    for (let length = 0; length < bytes.length; length += 7) await refusal(bytes.subarray(0, length));
    expect((await refusal(bytes.subarray(0, bytes.length - 1))).code).toBe('archive-zip');
  });

  it('refuses an entry the manifest does not list, naming it', async () => {
    const { source } = smallCase();
    const bytes = await archiveBytes(source);
    const entries = await unpack(bytes);
    const added = craftZip([
      ...entries.slice(0, -1),
      { name: 'tables/extra.ndjson', data: new TextEncoder().encode('{}\n') },
      entries.at(-1)!,
    ]);
    const error = await refusal(added);
    expect(error.code).toBe('archive-entry-extra');
    expect(error.entry).toBe('tables/extra.ndjson');
  });

  it('refuses a missing entry, naming it', async () => {
    const entries = await unpack(await archiveBytes(smallCase().source));
    const error = await refusal(craftZip(entries.filter((entry) => entry.name !== 'tables/events.ndjson')));
    expect(error).toMatchObject({ code: 'archive-entry-missing', entry: 'tables/events.ndjson' });
  });

  it('refuses a tampered custody chain even when every hash in the manifest is made to fit', async () => {
    const { source, tables } = smallCase();
    const chain = tables.custody!.map((row) => ({ ...row }));
    chain[1] = { ...chain[1]!, investigator: 'Mallory' };
    const forged = {
      ...source,
      tables: source.tables.map((table) =>
        table.name === 'custody' ? { name: 'custody', rows: () => list(chain) } : table,
      ),
    };
    const error = await refusal(await archiveBytes(forged));
    expect(error.code).toBe('archive-custody');
    expect(error.message).toContain('entry #1');
    expect(error.entry).toBe('tables/custody.ndjson');
  });

  it('refuses a custody chain cut short, re-anchored or not, and rows of another case', async () => {
    const { source, tables } = smallCase();
    const cut = {
      ...source,
      tables: source.tables.map((table) =>
        table.name === 'custody' ? { name: 'custody', rows: () => list(tables.custody!.slice(1)) } : table,
      ),
    };
    expect((await refusal(await archiveBytes(cut))).code).toBe('archive-custody');
    const other = {
      ...source,
      tables: [...source.tables, { name: 'stray', rows: () => list([{ caseId: 'another-case' }]) }],
    };
    const error = await refusal(await archiveBytes(other));
    expect(error).toMatchObject({ code: 'archive-row', entry: 'tables/stray.ndjson', row: 1 });
    expect(ARCHIVE_CASE_ID).not.toBe('another-case');
  });

  it('refuses a zip that is not a case archive', async () => {
    const error = await refusal(craftZip([{ name: 'manifest.txt', data: new Uint8Array([1]) }]));
    expect(error.code).toBe('archive-manifest');
  });
});

async function* list<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

/** The entries of an archive as plain name/data pairs (the reader's second pass), to build altered archives. */
async function unpack(bytes: Uint8Array): Promise<{ name: string; data: Uint8Array }[]> {
  return unzipSync(bytes);
}
