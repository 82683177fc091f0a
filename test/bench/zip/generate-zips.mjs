// Writes the two hostile-shape archives of docs/benchmarks.md ("Zip bundles"), without ever holding their
// uncompressed content: node test/bench/zip/generate-zips.mjs <output folder>
//   dense.zip     ~32 MB on disk, ~2 GB inflated (about 64:1): 63 JSON-lines entries of 32 MiB, each compressed
//                 once and written 63 times under different names (every entry has its own, non-overlapping bytes)
//   many.zip      9,999 entries of one byte each, plus nothing else
// Format facts from PKWARE's APPNOTE.TXT (local header 4.3.7, central directory 4.3.12, end record 4.3.16).
import { deflateSync } from 'fflate';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';

const TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/**
 * The fields a local header and a central-directory record share, in the same order (version needed, flags, method,
 * time, CRC-32, sizes, name length); the central record has them two bytes later. Then the name, in the local header.
 */
function writeSharedFields(buffer, at, entry, name) {
  buffer.writeUInt16LE(20, at);
  buffer.writeUInt16LE(0x0800, at + 2);
  buffer.writeUInt16LE(entry.method, at + 4);
  buffer.writeUInt32LE(entry.crc, at + 10);
  buffer.writeUInt32LE(entry.compressed.length, at + 14);
  buffer.writeUInt32LE(entry.size, at + 18);
  buffer.writeUInt16LE(name.length, at + 22);
  if (at === 4) name.copy(buffer, 30);
}

/** Stream a zip of entries { name, compressed, crc, size, method } to `file`. */
async function writeZip(file, entries) {
  const out = createWriteStream(file);
  const write = (bytes) =>
    new Promise((resolve, reject) => out.write(bytes, (error) => (error ? reject(error) : resolve())));
  const centrals = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30 + name.length);
    local.writeUInt32LE(0x04034b50, 0);
    writeSharedFields(local, 4, entry, name);
    const central = Buffer.alloc(46 + name.length);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    writeSharedFields(central, 6, entry, name);
    central.writeUInt32LE(offset, 42);
    name.copy(central, 46);
    centrals.push(central);
    await write(local);
    await write(entry.compressed);
    offset += local.length + entry.compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  await write(directory);
  await write(end);
  await new Promise((resolve) => out.end(resolve));
}

/** 32 MiB of JSON lines with two random hex digits each: deflate brings it to about 1/62. */
function denseContent() {
  let seed = 1;
  const hex = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return ((seed >> 8) & 15).toString(16);
  };
  const lines = [];
  for (let length = 0; length < 32 * 1024 * 1024;) {
    const line = `{"ts":"2026-11-02T14:03:00Z","event":"token-used","sub":"u","v":1,"id":"${hex()}${hex()}"}\n`;
    lines.push(line);
    length += line.length;
  }
  return Buffer.from(lines.join('')).subarray(0, 32 * 1024 * 1024);
}

const folder = process.argv[2] ?? '.';
mkdirSync(folder, { recursive: true });
const content = denseContent();
const compressed = deflateSync(content, { level: 6 });
const crc = crc32(content);
const dense = Array.from({ length: 63 }, (_, index) => ({
  name: `logs/part-${String(index).padStart(2, '0')}.jsonl`,
  compressed,
  crc,
  size: content.length,
  method: 8,
}));
await writeZip(path.join(folder, 'dense.zip'), dense);
const one = Buffer.from('x');
const many = Array.from({ length: 9_999 }, (_, index) => ({
  name: `f/${String(index).padStart(4, '0')}.txt`,
  compressed: one,
  crc: crc32(one),
  size: 1,
  method: 0,
}));
await writeZip(path.join(folder, 'many.zip'), many);
console.log(
  `dense.zip: 63 entries of ${content.length} bytes, each deflated to ${compressed.length} (${(content.length / compressed.length).toFixed(1)}:1)`,
);
console.log('many.zip: 9,999 one-byte entries');
