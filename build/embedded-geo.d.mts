/** Types of build/embedded-geo.mjs for the TypeScript callers (its unit test). */

export declare const EMBEDDED_GEO_PACKAGE: string;
export declare const EMBEDDED_GEO_FILES: readonly string[];
export declare const EMBEDDED_GEO_ID: string;

/** The folder holding the country files, or undefined when neither the env variable nor the package gives one. */
export declare function embeddedGeoDirectory(
  root: string,
  environment?: Readonly<Record<string, string | undefined>>,
): string | undefined;

/** The inert data block carrying one gzip-compressed file. */
export declare function geoDataBlock(fileName: string, bytes: Uint8Array): string;

/** The data blocks of every embedded file in `directory`. */
export declare function geoDataBlocks(directory: string): Promise<string>;
