/** Types of build/release-facts.mjs for the TypeScript tests. */
export declare function cliPackageManifest(
  rootManifest: { version: string; description?: string; license?: string; dependencies: Record<string, string> },
  geoPackage: string,
): Record<string, unknown>;
export declare function sha256SumsOf(directory: string, files: readonly string[]): string;
