/** Types of build/inline-html.mjs for the TypeScript callers (its unit test). */

/** The CSP source expression that allows exactly this inline script. */
export declare function scriptHashSource(code: string): string;

/** `html` with `sources` added to the script-src of its Content-Security-Policy <meta>. */
export declare function allowScripts(html: string, sources: readonly string[]): string;

/** Inline outDir/index.html's scripts and stylesheets into outFile, allowing each script by its hash; `dataBlocks`
 * (inert data elements) go at the end of the body. */
export declare function inlineHtml(
  outDir: string,
  outFile: string,
  dataBlocks?: string,
): Promise<{ file: string; bytes: number }>;
