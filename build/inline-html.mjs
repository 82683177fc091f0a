// Turns Vite's dist/web (index.html + assets) into ONE html file that works from file://:
// module scripts and stylesheets are inlined, so no request is ever made for a sibling file
// (file:// pages may not fetch other files, and the app must make no request at all).
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The CSP source expression that allows exactly this inline script: 'sha256-' and the base64 digest of its text. */
export function scriptHashSource(code) {
  return `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;
}

/**
 * Add `sources` to the script-src directive of the page's Content-Security-Policy <meta>. Without it the inlined
 * scripts would need 'unsafe-inline', which would let any injected inline script run too.
 */
export function allowScripts(html, sources) {
  const meta = /(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")/;
  const found = meta.exec(html);
  // Vite writes the quotes of 'none' and 'self' as &#39;; single quotes may stand raw in a double-quoted attribute.
  const directives = found?.[2].replaceAll('&#39;', "'").split(/;\s*/) ?? [];
  const scriptSrc = directives.findIndex((directive) => directive.startsWith('script-src '));
  if (scriptSrc < 0)
    throw new Error(
      'inline-html: index.html has no Content-Security-Policy <meta> with a script-src to add the script hashes to',
    );
  directives[scriptSrc] = [directives[scriptSrc], ...sources].join(' ');
  return html.replace(meta, (_, start, __, end) => `${start}${directives.join('; ')}${end}`);
}

/**
 * Inline every local <script src> and <link rel=stylesheet href> of outDir/index.html into outFile, and allow each
 * inlined script, by its SHA-256, in the page's Content-Security-Policy. `dataBlocks` (inert, never-executed
 * <script type="application/octet-stream"> elements) are added at the end of the body.
 */
export async function inlineHtml(outDir, outFile, dataBlocks = '') {
  let html = await readFile(path.join(outDir, 'index.html'), 'utf8');
  const local = (ref) => path.join(outDir, ref.replace(/^\.?\//, ''));
  const scripts = [...html.matchAll(/<script([^>]*?)\ssrc="([^"]+)"([^>]*)><\/script>/g)];
  const hashes = [];
  for (const [tag, before, src, after] of scripts) {
    // "</script" inside the bundle would end the inline element early; escaping the slash keeps JS semantics.
    const code = (await readFile(local(src), 'utf8')).replace(/<\/script/gi, '<\\/script');
    hashes.push(scriptHashSource(code));
    html = html.replace(tag, () => `<script${before}${after.replace(/\scrossorigin/, '')}>${code}</script>`);
  }
  if (hashes.length > 0) html = allowScripts(html, hashes);
  const styles = [...html.matchAll(/<link([^>]*?)rel="stylesheet"([^>]*?)href="([^"]+)"([^>]*)>/g)];
  for (const [tag, , , href] of styles) {
    const css = await readFile(local(href), 'utf8');
    html = html.replace(tag, () => `<style>${css}</style>`);
  }
  html = html.replace(/<link[^>]*rel="modulepreload"[^>]*>/g, '');
  // Inert data (the embedded geolocation database) goes last, so the page's own markup and scripts come first. Before
  // the LAST </body>: the inlined bundle may hold the text "</body>" itself (the report's HTML renderer does), and
  // inserting there would cut the script and break its CSP hash.
  if (dataBlocks) {
    const end = html.lastIndexOf('</body>');
    if (end < 0) throw new Error('inline-html: index.html has no </body> to put the data blocks before');
    html = `${html.slice(0, end)}${dataBlocks}\n${html.slice(end)}`;
  }
  await writeFile(outFile, html);
  return { file: outFile, bytes: Buffer.byteLength(html) };
}
