// Renders build/icon.svg to the PNGs electron-builder packs: build/icon.png (512 px; electron-builder makes the
// Windows .ico and the macOS .icns from it) and build/icons/<N>x<N>.png (the Linux icon set, by size). Run after
// editing the SVG: node build/make-icons.mjs. The PNGs are committed, so packaging needs no browser.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const buildDir = path.dirname(fileURLToPath(import.meta.url));
const svg = readFileSync(path.join(buildDir, 'icon.svg'), 'utf8');
const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512];

const browser = await chromium.launch({ executablePath: process.env.TOKENTRAIL_CHROMIUM ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage();
  mkdirSync(path.join(buildDir, 'icons'), { recursive: true });
  for (const size of LINUX_SIZES) {
    await page.setViewportSize({ width: size, height: size });
    const sized = svg.replace(/width="512" height="512"/, `width="${size}" height="${size}"`);
    await page.setContent(`<body style="margin:0;background:transparent">${sized}</body>`);
    const out = path.join(buildDir, 'icons', `${size}x${size}.png`);
    await page.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    if (size === 512) await page.screenshot({ path: path.join(buildDir, 'icon.png'), omitBackground: true });
  }
} finally {
  await browser.close();
}
console.log(`icons: build/icon.png and build/icons/{${LINUX_SIZES.join(',')}}x….png`);
