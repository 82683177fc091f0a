// A small real case archive for tests: two evidence files, a custody chain of three entries, events with bytes and
// awkward values, written by core/archive's own writer into memory.
import { writeArchive, type ArchiveRow, type ArchiveSource } from '../../core/archive';
import { createCustodyEntry, type CustodyEntry } from '../../core/evidence';

export const ARCHIVE_CASE_ID = 'case-archive-test';

/** A custody chain of `length` entries for `caseId`. */
export function custodyChainOf(caseId: string, length: number): CustodyEntry[] {
  const chain: CustodyEntry[] = [];
  for (let index = 0; index < length; index++)
    chain.push(
      createCustodyEntry(chain.at(-1), {
        caseId,
        at: 1_700_000_000_000 + index,
        investigator: 'Dana',
        action: index === 0 ? 'case-created' : 'import',
        source: 'bundle.zip',
        files: [],
        toolVersion: '0.1.0',
      }),
    );
  return chain;
}

async function* each<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

/** The rows and files of the small test case, so a test can compare what comes back. */
export function smallCase(): { source: ArchiveSource; tables: Record<string, ArchiveRow[]>; files: Uint8Array[] } {
  const encoder = new TextEncoder();
  const files = [encoder.encode('eyJhbGciOiJub25lIn0.eyJzdWIiOiJhIn0.\n'), encoder.encode('{"keys":[]}\n')];
  const tables: Record<string, ArchiveRow[]> = {
    custody: custodyChainOf(ARCHIVE_CASE_ID, 3) as unknown as ArchiveRow[],
    events: [
      {
        caseId: ARCHIVE_CASE_ID,
        seq: 0,
        ts: 1_700_000_000_000,
        facets: ['sub:a', 'ip:10.0.0.1'],
        raw: new Uint8Array([0, 255, 7]),
      },
      {
        caseId: ARCHIVE_CASE_ID,
        seq: 1,
        ts: -0,
        slots: new Float64Array([1.5, -2, Number.NaN]),
        counts: new Uint32Array([7, 2 ** 32 - 1]),
        score: Number.NaN,
        far: Number.POSITIVE_INFINITY,
        gone: undefined,
      },
      { caseId: ARCHIVE_CASE_ID, seq: 2, claims: { $bytes: 'not bytes', __proto__x: 1, nested: [null, true, 'é'] } },
    ],
    findings: [],
  };
  const source: ArchiveSource = {
    producer: 'app',
    case: { id: ARCHIVE_CASE_ID, title: 'Archive test' },
    createdAt: 1_700_000_100_000,
    createdBy: 'Dana',
    geoDatabases: [],
    evidence: files.map((bytes, index) => ({
      fileId: `file-${index}`,
      path: index === 0 ? 'tokens.txt' : 'keys/jwks.json',
      chunks: () => each([bytes.subarray(0, 5), bytes.subarray(5)]),
    })),
    tables: Object.entries(tables).map(([name, rows]) => ({ name, rows: () => each(rows) })),
  };
  return { source, tables, files };
}

/** Write an archive into memory. */
export async function archiveBytes(source: ArchiveSource): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  await writeArchive(source, (chunk) => void parts.push(chunk.slice()));
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
