/**
 * The few pieces of the WebAssembly binary format (core specification §5) that a module generated in code needs:
 * LEB128 numbers, names, sections and function bodies. Generating the module at start-up from TypeScript keeps the
 * source reviewable (no binary blob in the repository) and needs no toolchain.
 */

/** Unsigned LEB128 (§5.2.2). */
export function unsignedLeb(value: number): number[] {
  const bytes: number[] = [];
  let rest = value >>> 0;
  do {
    const low = rest & 0x7f;
    rest >>>= 7;
    bytes.push(rest === 0 ? low : low | 0x80);
  } while (rest !== 0);
  return bytes;
}

/** Signed LEB128 of a 32-bit integer (§5.2.2), as `i32.const` takes it. */
export function signedLeb(value: number): number[] {
  const bytes: number[] = [];
  let rest = value | 0;
  for (;;) {
    const low = rest & 0x7f;
    rest >>= 7;
    const done = (rest === 0 && (low & 0x40) === 0) || (rest === -1 && (low & 0x40) !== 0);
    bytes.push(done ? low : low | 0x80);
    if (done) return bytes;
  }
}

// Arrays are joined with concat, not spread: a function body is tens of thousands of bytes, and spreading them in
// code that runs once (never optimised) cost over 100 ms at start-up.

/** A vector: its length, then its items (§5.1.3). */
export function vector(items: readonly number[][]): number[] {
  return unsignedLeb(items.length).concat(...items);
}

/** A name as UTF-8 bytes with their length (§5.2.4). */
export function name(text: string): number[] {
  const bytes = Array.from(new TextEncoder().encode(text));
  return unsignedLeb(bytes.length).concat(bytes);
}

/** A section: its id, its size, its content (§5.5.2). */
export function section(id: number, content: number[]): number[] {
  return [id].concat(unsignedLeb(content.length), content);
}

export const SECTION = { type: 1, function: 3, memory: 5, export: 7, code: 10 } as const;
export const VALUE_TYPE = { i32: 0x7f, v128: 0x7b } as const;
export const EXPORT_KIND = { function: 0x00, memory: 0x02 } as const;

/** A function type (§5.3.6): parameters and results. */
export function functionType(parameters: number[], results: number[]): number[] {
  return [0x60].concat(unsignedLeb(parameters.length), parameters, unsignedLeb(results.length), results);
}

/** A function body (§5.5.13): its locals as (count, type) groups, its instructions, `end`. */
export function functionBody(locals: readonly (readonly [number, number])[], code: number[]): number[] {
  const content = vector(locals.map(([count, type]) => unsignedLeb(count).concat(type))).concat(code, 0x0b);
  return unsignedLeb(content.length).concat(content);
}

/** The module preamble: magic and version (§5.5.16). */
export const MODULE_HEADER: readonly number[] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
