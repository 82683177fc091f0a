// Turns Vite's dist/web (index.html + assets) into ONE html file that works from file://:
// module scripts and stylesheets are inlined, so no request is ever made for a sibling file
// (file:// pages may not fetch other files, and the app must make no request at all).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Inline every local <script src> and <link rel=stylesheet href> of outDir/index.html into outFile. */
export async function inlineHtml(outDir, outFile) {
  let html = await readFile(path.join(outDir, 'index.html'), 'utf8');
  const local = (ref) => path.join(outDir, ref.replace(/^\.?\//, ''));
  const scripts = [...html.matchAll(/<script([^>]*?)\ssrc="([^"]+)"([^>]*)><\/script>/g)];
  for (const [tag, before, src, after] of scripts) {
    // "</script" inside the bundle would end the inline element early; escaping the slash keeps JS semantics.
    const code = (await readFile(local(src), 'utf8')).replace(/<\/script/gi, '<\\/script');
    html = html.replace(tag, () => `<script${before}${after.replace(/\scrossorigin/, '')}>${code}</script>`);
  }
  const styles = [...html.matchAll(/<link([^>]*?)rel="stylesheet"([^>]*?)href="([^"]+)"([^>]*)>/g)];
  for (const [tag, , , href] of styles) {
    const css = await readFile(local(href), 'utf8');
    html = html.replace(tag, () => `<style>${css}</style>`);
  }
  html = html.replace(/<link[^>]*rel="modulepreload"[^>]*>/g, '');
  await writeFile(outFile, html);
  return { file: outFile, bytes: Buffer.byteLength(html) };
}
