/**
 * The only host globals core/ may use: every host (Node 20, Chromium, web workers, Electron) provides them
 * with identical behaviour, so declaring them here does not weaken the no-DOM/no-Node boundary.
 */
interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}
declare class TextDecoder {
  constructor(label?: string, options?: TextDecoderOptions);
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
