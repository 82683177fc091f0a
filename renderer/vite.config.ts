// Vite build of the renderer into dist/web/. Everything is inlined into one script and one stylesheet
// (no code splitting, no asset files) because build/inline-html.mjs then folds both into the single
// dist/tokentrail.html that must work opened from disk. The two small plugins live here rather than in
// their own files because Vite's native config loader (its future default) cannot follow extensionless
// TypeScript imports from the config.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// Turns `import bytes from './file.zip?bytes'` into a module holding the file's bytes as a Uint8Array.
// The sample case ships *inside* the single-file build this way: no fetch, no data: URL request, nothing
// the page would have to load at run time.

const SUFFIX = '?bytes';

/** Vite plugin: `?bytes` imports become base64 decoded once at module evaluation. */
export function bytesImport(): Plugin {
  return {
    name: 'tokentrail:bytes-import',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith(SUFFIX)) return null;
      const resolved = await this.resolve(source.slice(0, -SUFFIX.length), importer, { skipSelf: true });
      return resolved ? `${resolved.id}${SUFFIX}` : null;
    },
    async load(id) {
      if (!id.endsWith(SUFFIX)) return null;
      const file = id.slice(0, -SUFFIX.length);
      this.addWatchFile(file);
      const base64 = (await readFile(file)).toString('base64');
      return bytesModuleSource(base64);
    },
  };
}

/** The generated module: atob is available in every host the renderer runs in (browser, Electron). */
export function bytesModuleSource(base64: string): string {
  return [
    `const binary = atob(${JSON.stringify(base64)});`,
    'const bytes = new Uint8Array(binary.length);',
    'for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);',
    'export default bytes;',
  ].join('\n');
}

// The built page carries a Content-Security-Policy that forbids every network request (connect-src 'none',
// default-src 'none'), so even a bug or a hostile string in evidence cannot make the app phone out.
// Scripts load from 'self' only: build/inline-html.mjs, which folds them into dist/tokentrail.html, adds the
// SHA-256 of each inlined script to script-src, so no other inline script (an injected one) can run. Styles may
// be inline (React sets style attributes). The dev server is left alone because its hot reload needs a websocket.

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'none'",
  // The ingest worker is inlined into the page and started from a blob: URL (`?worker&inline`).
  'worker-src blob:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Vite plugin: adds the offline CSP <meta> to index.html in production builds. */
export function offlineContentSecurityPolicy(): Plugin {
  return {
    name: 'tokentrail:offline-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

const rendererRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [bytesImport(), offlineContentSecurityPolicy(), react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    assetsInlineLimit: Number.MAX_SAFE_INTEGER,
    cssCodeSplit: false,
    modulePreload: false,
    sourcemap: false,
    target: 'es2022',
    rolldownOptions: { output: { codeSplitting: false } },
  },
});
