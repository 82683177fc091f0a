import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineHtml } from '../../../build/inline-html.mjs';

/** index.html as Vite writes it: the CSP <meta> first (quotes as &#39;), then the module script and the stylesheet. */
const INDEX = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;self&#39;; style-src &#39;self&#39; &#39;unsafe-inline&#39;; connect-src &#39;none&#39;">
<script type="module" crossorigin src="./assets/index.js"></script><link rel="stylesheet" crossorigin href="./assets/index.css"></head><body></body></html>`;

describe('the single-file build allows its inlined scripts by hash, not with unsafe-inline', () => {
  it('adds the SHA-256 of each inlined script, exactly as inlined, to script-src', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tt-inline-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), INDEX);
    writeFileSync(path.join(dir, 'assets', 'index.js'), 'document.title = "</script>";');
    writeFileSync(path.join(dir, 'assets', 'index.css'), 'body{color:red}');
    const out = path.join(dir, 'one.html');
    await inlineHtml(dir, out);
    const html = readFileSync(out, 'utf8');
    const policy = /content="([^"]*)"/.exec(html)![1]!;
    const scriptSrc = policy.split('; ').find((directive) => directive.startsWith('script-src '))!;
    const inlined = /<script type="module"[^>]*>([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(inlined).toBe('document.title = "<\\/script>";');
    expect(scriptSrc).toBe(`script-src 'self' 'sha256-${createHash('sha256').update(inlined).digest('base64')}'`);
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(policy).toContain("default-src 'none'");
  });

  it("puts the data blocks before the page's own </body>, not inside a script that holds the text </body>", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tt-inline-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), INDEX);
    const code = 'const page = `<html><body></body></html>`;';
    writeFileSync(path.join(dir, 'assets', 'index.js'), code);
    writeFileSync(path.join(dir, 'assets', 'index.css'), 'body{color:red}');
    const out = path.join(dir, 'one.html');
    const data = '<script type="application/octet-stream" id="data">AAAA</script>';
    await inlineHtml(dir, out, data);
    const html = readFileSync(out, 'utf8');
    const inlined = /<script type="module"[^>]*>([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(inlined).toBe(code);
    expect(html.endsWith(`<body>${data}\n</body></html>`)).toBe(true);
  });
});
