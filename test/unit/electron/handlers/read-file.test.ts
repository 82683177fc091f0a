import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileRegistry } from '../../../../electron/handlers/file-registry';
import { createReadFileHandler, type ReadableFileHandle } from '../../../../electron/handlers/read-file';
import { MAX_READ_LENGTH } from '../../../../ipc/ipc-contract';
import { APP_SENDER, useTempDirs } from '../temp-dir';

const makeDir = useTempDirs();

async function setup(content: Uint8Array) {
  const dir = await makeDir();
  const filePath = path.join(dir, 'evidence.bin');
  await fs.writeFile(filePath, content);
  const registry = new FileRegistry(() => 'picked');
  registry.register(filePath);
  const opened: string[] = [];
  const handler = createReadFileHandler({
    registry,
    open: (target, flags) => {
      opened.push(target);
      return fs.open(target, flags);
    },
  });
  return { handler, opened, filePath };
}

const bytes = Uint8Array.from({ length: 1000 }, (_, index) => index % 251);

describe('file:read', () => {
  it('reads the requested range of a picked file', async () => {
    const { handler } = await setup(bytes);
    expect(await handler(APP_SENDER, 'picked', 10, 5)).toEqual(bytes.slice(10, 15));
    expect(await handler(APP_SENDER, 'picked', 0, 1000)).toEqual(bytes);
  });

  it('returns fewer bytes at the end of the file and none past it', async () => {
    const { handler } = await setup(bytes);
    expect(await handler(APP_SENDER, 'picked', 990, 100)).toEqual(bytes.slice(990));
    expect(await handler(APP_SENDER, 'picked', 1000, 100)).toEqual(new Uint8Array(0));
    expect(await handler(APP_SENDER, 'picked', 5000, MAX_READ_LENGTH)).toEqual(new Uint8Array(0));
    expect(await handler(APP_SENDER, 'picked', 0, 0)).toEqual(new Uint8Array(0));
  });

  it('keeps reading when the file system returns short reads', async () => {
    const dir = await makeDir();
    const filePath = path.join(dir, 'slow.bin');
    await fs.writeFile(filePath, bytes);
    const registry = new FileRegistry(() => 'slow');
    registry.register(filePath);
    let closed = false;
    // Real file underneath, but each read returns at most 7 bytes, as pipes and network drives may.
    const handler = createReadFileHandler({
      registry,
      open: async (target) => {
        const real = await fs.open(target, 'r');
        const handle: ReadableFileHandle = {
          stat: () => real.stat(),
          read: (buffer, offset, length, position) => real.read(buffer, offset, Math.min(length, 7), position),
          close: async () => {
            closed = true;
            await real.close();
          },
        };
        return handle;
      },
    });
    expect(await handler(APP_SENDER, 'slow', 3, 500)).toEqual(bytes.slice(3, 503));
    expect(closed).toBe(true);
  });

  it('refuses ids that were never handed out, without touching the disk', async () => {
    const { handler, opened } = await setup(bytes);
    await expect(handler(APP_SENDER, '/etc/passwd', 0, 10)).rejects.toThrow(
      '[unknown-file] file:read: no picked file has id "/etc/passwd"',
    );
    expect(opened).toEqual([]);
  });

  it('validates offset and length and the sender', async () => {
    const { handler, opened } = await setup(bytes);
    await expect(handler(APP_SENDER, 'picked', -1, 10)).rejects.toThrow('offset must be a non-negative safe integer');
    await expect(handler(APP_SENDER, 'picked', 0, MAX_READ_LENGTH + 1)).rejects.toThrow('length must be at most');
    await expect(handler(APP_SENDER, 'picked', 0)).rejects.toThrow('expected 3 argument(s), got 2');
    await expect(handler({ url: 'https://evil.example/' }, 'picked', 0, 10)).rejects.toThrow('[untrusted-sender]');
    expect(opened).toEqual([]);
  });

  it('reports a picked file that disappeared', async () => {
    const { handler, filePath } = await setup(bytes);
    await fs.rm(filePath);
    await expect(handler(APP_SENDER, 'picked', 0, 10)).rejects.toThrow('ENOENT');
  });
});

describe('FileRegistry', () => {
  it('refuses a duplicate id from a broken generator instead of overwriting a mapping', () => {
    const registry = new FileRegistry(() => 'same');
    registry.register('/a');
    expect(() => registry.register('/b')).toThrow('duplicate id same');
    expect(registry.resolve('same')).toBe('/a');
  });
});
