// Builds the rows of an import from the real sample bundle, verified by the real engine.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyBundle } from '../../../../core/evidence/verify-bundle';
import { extractTokens } from '../../../../core/token/extract-tokens';
import { buildImportRows } from '../../../../renderer/evidence/import-records';
import { pickedFileFromBytes } from '../../../../renderer/host/blob-file';

async function sampleReport() {
  const bytes = new Uint8Array(await readFile(path.resolve('test/fixtures/bundles/sample-case.zip')));
  const report = await verifyBundle({ type: 'zip', zip: pickedFileFromBytes(bytes, 'sample-case.zip') });
  return { report, tokens: extractTokens(report.contents) };
}

describe('buildImportRows', () => {
  it('stores every file with its verdict and its bytes unchanged', async () => {
    const { report, tokens } = await sampleReport();
    const rows = buildImportRows({ caseId: 'case-1', investigator: 'Casey', at: 1 }, report, tokens);
    expect(rows.files).toHaveLength(report.files.length);
    expect(rows.files.every((file) => file.verdict === 'match' && file.caseId === 'case-1')).toBe(true);
    expect(rows.blobs).toHaveLength(report.contents.length);
    for (const blob of rows.blobs) {
      const file = rows.files.find((candidate) => candidate.id === blob.fileId);
      const content = report.contents.find((candidate) => candidate.path === file?.path);
      expect(blob.bytes).toBe(content?.bytes);
    }
    expect(rows.bytes).toBe(report.contents.reduce((sum, content) => sum + content.bytes.length, 0));
    expect(rows.importRecord).toMatchObject({
      caseId: 'case-1',
      status: 'complete',
      verdict: 'verified',
      fileCount: rows.files.length,
    });
  });

  it('keeps one token row per distinct token and one sighting row per place it was seen', async () => {
    const { report, tokens } = await sampleReport();
    const rows = buildImportRows({ caseId: 'case-1', investigator: 'Casey', at: 1 }, report, tokens);
    expect(new Set(rows.tokens.map((token) => token.tokenHash)).size).toBe(tokens.length);
    expect(rows.sightings).toHaveLength(tokens.reduce((sum, token) => sum + token.sightings.length, 0));
    for (const token of rows.tokens) {
      expect(token.firstImportId).toBe(rows.importRecord.id);
      const sightings = rows.sightings.filter((sighting) => sighting.tokenHash === token.tokenHash);
      expect(sightings).toHaveLength(token.sightingCount);
      // Where it was first seen: its first sighting's file and line, so look-alike tokens are told apart.
      expect(token.firstSeen).toEqual({ path: sightings[0]!.path, line: sightings[0]!.line });
      expect(token.firstSeen!.line).toBeGreaterThan(0);
    }
  });
});
