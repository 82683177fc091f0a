import { describe, expect, it } from 'vitest';
import { pickedFileFromBlob, splitFolderPath } from '../../../../renderer/host/blob-file';
import { selectionFromFileList } from '../../../../renderer/host/browser-host';

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<number[]> {
  const bytes: number[] = [];
  for await (const chunk of chunks) bytes.push(...chunk);
  return bytes;
}

describe('picked files over blobs', () => {
  const content = Uint8Array.from({ length: 300 }, (_, index) => index % 256);
  const file = pickedFileFromBlob(new Blob([content]), 'logs/auth.log');

  it('reads any range, shortened at the end of the file', async () => {
    expect([...(await file.read(10, 5))]).toEqual([10, 11, 12, 13, 14]);
    expect((await file.read(295, 50)).length).toBe(5);
    expect(file.size).toBe(300);
  });

  it('streams the whole content unchanged', async () => {
    expect(await collect(file.chunks())).toEqual([...content]);
  });
});

describe('selections', () => {
  it('splits a folder pick into the folder name and paths inside it', () => {
    expect(splitFolderPath('case-42/logs/auth.log')).toEqual({ folder: 'case-42', inner: 'logs/auth.log' });
    expect(splitFolderPath('loose.txt')).toEqual({ folder: '', inner: 'loose.txt' });
  });

  it('names a zip pick after the zip and a multi-file pick by its count', () => {
    const zip = selectionFromFileList('zip', [new File(['x'], 'bundle.zip')]);
    expect(zip?.name).toBe('bundle.zip');
    const loose = selectionFromFileList('files', [new File(['a'], 'a.har'), new File(['b'], 'b.log')]);
    expect(loose?.name).toBe('2 files');
    expect(loose?.files.map((picked) => picked.path)).toEqual(['a.har', 'b.log']);
    expect(selectionFromFileList('files', [])).toBeNull();
  });
});
