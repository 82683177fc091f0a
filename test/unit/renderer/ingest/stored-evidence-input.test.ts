import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { storedEvidenceContent } from '../../../../renderer/ingest/stored-evidence-input';

async function read(path: string, stored: Uint8Array | Blob): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const chunk of (await storedEvidenceContent(path, stored)).chunks()) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}

describe('stored evidence as the parsers read it', () => {
  const log = '{"ts":"2026-11-18T10:00:00Z","kind":"use","sub":"alice"}\n';

  it('inflates a stored gzip file, kept as bytes or as a Blob', async () => {
    const gz = new Uint8Array(gzipSync(log));
    expect(await read('auth.jsonl.gz', gz)).toBe(log);
    expect(await read('auth.jsonl.gz', new Blob([gz]))).toBe(log);
  });

  it('reads any other file as it is (a name ending .gz changes nothing)', async () => {
    expect(await read('auth.jsonl.gz', new TextEncoder().encode(log))).toBe(log);
    expect(await read('auth.jsonl', new Blob([log]))).toBe(log);
  });
});
