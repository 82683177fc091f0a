/** Types of build/package-facts.mjs for the TypeScript tests. */
export declare const FUSE_SENTINEL: string;
export declare const FUSE_NAMES: readonly string[];
export declare function readFuses(binary: Uint8Array): Record<string, boolean | string>;
export declare function standInElectronBinary(): Buffer;
export declare function comparePackedFiles(
  packed: readonly string[],
  expected: readonly string[],
): { missing: string[]; unexpected: string[] };
