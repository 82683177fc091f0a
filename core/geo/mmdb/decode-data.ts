import type { ByteSource } from './byte-source';

/**
 * Decoder for the MaxMind DB data section (MaxMind DB File Format Specification 2.0, "Output Data Section"),
 * written from the specification. Values are maps, arrays, strings, numbers and booleans; pointers let records
 * share repeated values.
 */

/** A decoded MMDB value. */
export type MmdbValue = string | number | bigint | boolean | Uint8Array | MmdbValue[] | { [key: string]: MmdbValue };

/** Thrown on a database whose bytes do not follow the format. */
export class MmdbFormatError extends Error {
  override readonly name = 'MmdbFormatError';
}

const MAX_DEPTH = 64;
const utf8 = new TextDecoder('utf-8');

/** Decodes values from one section; pointers are relative to `sectionStart`. */
export class MmdbDataDecoder {
  constructor(
    private readonly source: ByteSource,
    private readonly sectionStart: number,
  ) {}

  /** Decode the value at absolute `offset`; returns the value and the offset just after it. */
  decode(offset: number, depth = 0): { value: MmdbValue; next: number } {
    if (depth > MAX_DEPTH) throw new MmdbFormatError('data nested too deeply');
    const control = this.byte(offset++);
    let type = control >> 5;
    if (type === 1) return this.pointer(control, offset, depth);
    if (type === 0) type = 7 + this.byte(offset++);
    let size = control & 0x1f;
    if (size >= 29) {
      const extra = size - 28;
      const bytes = this.bytes(offset, extra);
      offset += extra;
      if (size === 29) size = 29 + bytes[0]!;
      else if (size === 30) size = 285 + ((bytes[0]! << 8) | bytes[1]!);
      else size = 65821 + ((bytes[0]! << 16) | (bytes[1]! << 8) | bytes[2]!);
    }
    switch (type) {
      case 2:
        return { value: utf8.decode(this.bytes(offset, size)), next: offset + size };
      case 3:
        return { value: this.float(offset, 8), next: offset + 8 };
      case 4:
        return { value: this.bytes(offset, size).slice(), next: offset + size };
      case 5:
      case 6:
        return { value: this.unsigned(offset, size), next: offset + size };
      case 7:
        return this.map(offset, size, depth);
      case 8:
        return { value: this.unsigned(offset, size) | 0, next: offset + size };
      case 9:
      case 10:
        return { value: this.bigUnsigned(offset, size), next: offset + size };
      case 11:
        return this.array(offset, size, depth);
      case 14:
        return { value: size !== 0, next: offset };
      case 15:
        return { value: this.float(offset, 4), next: offset + 4 };
      default:
        throw new MmdbFormatError(`unknown data type ${type} at byte ${offset - 1}`);
    }
  }

  private pointer(control: number, offset: number, depth: number): { value: MmdbValue; next: number } {
    const sizeBits = (control >> 3) & 0x3;
    const low = control & 0x7;
    const bytes = this.bytes(offset, sizeBits + 1);
    let target: number;
    if (sizeBits === 0) target = (low << 8) | bytes[0]!;
    else if (sizeBits === 1) target = ((low << 16) | (bytes[0]! << 8) | bytes[1]!) + 2048;
    else if (sizeBits === 2) target = ((low << 24) | (bytes[0]! << 16) | (bytes[1]! << 8) | bytes[2]!) + 526336;
    else target = ((bytes[0]! << 24) >>> 0) + ((bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!);
    // A pointer's value is decoded where it points; reading continues after the pointer itself.
    return { value: this.decode(this.sectionStart + target, depth + 1).value, next: offset + sizeBits + 1 };
  }

  private map(offset: number, size: number, depth: number): { value: MmdbValue; next: number } {
    const out: { [key: string]: MmdbValue } = {};
    for (let i = 0; i < size; i++) {
      const key = this.decode(offset, depth + 1);
      if (typeof key.value !== 'string') throw new MmdbFormatError('map key is not a string');
      const value = this.decode(key.next, depth + 1);
      out[key.value] = value.value;
      offset = value.next;
    }
    return { value: out, next: offset };
  }

  private array(offset: number, size: number, depth: number): { value: MmdbValue; next: number } {
    const out: MmdbValue[] = [];
    for (let i = 0; i < size; i++) {
      const item = this.decode(offset, depth + 1);
      out.push(item.value);
      offset = item.next;
    }
    return { value: out, next: offset };
  }

  private byte(offset: number): number {
    const bytes = this.source.read(offset, 1);
    if (bytes.length < 1) throw new MmdbFormatError(`read past the end at byte ${offset}`);
    return bytes[0]!;
  }

  private bytes(offset: number, length: number): Uint8Array {
    const bytes = this.source.read(offset, length);
    if (bytes.length < length) throw new MmdbFormatError(`read past the end at byte ${offset}`);
    return bytes;
  }

  private unsigned(offset: number, size: number): number {
    if (size > 4) throw new MmdbFormatError('integer wider than 32 bits');
    let value = 0;
    for (const byte of this.bytes(offset, size)) value = value * 256 + byte;
    return value;
  }

  private bigUnsigned(offset: number, size: number): bigint | number {
    let value = 0n;
    for (const byte of this.bytes(offset, size)) value = (value << 8n) | BigInt(byte);
    return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
  }

  private float(offset: number, size: 4 | 8): number {
    const view = new DataView(this.bytes(offset, size).slice().buffer);
    return size === 8 ? view.getFloat64(0) : view.getFloat32(0);
  }
}
