/**
 * The few WebCrypto (`crypto.subtle`) calls core uses, declared here so core needs no DOM lib. Hosts pass their
 * own `crypto.subtle` (Chromium, web workers, Node's `globalThis.crypto.subtle`), which satisfies this shape.
 */

/** An imported key: opaque to core. */
export type SubtleKey = object;

/** Algorithm parameters as WebCrypto takes them. */
export type SubtleAlgorithm = { readonly name: string; readonly [parameter: string]: unknown };

/** The subset of SubtleCrypto core calls. */
export interface SubtleLike {
  importKey(
    format: 'raw' | 'spki' | 'pkcs8' | 'jwk',
    keyData: Uint8Array | object,
    algorithm: SubtleAlgorithm,
    extractable: boolean,
    usages: string[],
  ): Promise<SubtleKey>;
  exportKey(format: 'jwk', key: SubtleKey): Promise<Record<string, unknown>>;
  verify(
    algorithm: SubtleAlgorithm | string,
    key: SubtleKey,
    signature: Uint8Array,
    data: Uint8Array,
  ): Promise<boolean>;
  sign(algorithm: SubtleAlgorithm | string, key: SubtleKey, data: Uint8Array): Promise<ArrayBuffer>;
}
