import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSaveStreamHandlers } from '../../../../electron/handlers/save-stream';
import { validateIpcArgs } from '../../../../ipc/ipc-contract';
import { APP_SENDER, useTempDirs } from '../temp-dir';

const makeDir = useTempDirs();

async function setup(answer: 'cancel' | string) {
  let next = 0;
  const handlers = createSaveStreamHandlers({
    fs,
    defaultDirectory: '/home/investigator/Documents',
    createId: () => `save-${(next += 1)}`,
    showSaveDialog: async () => (answer === 'cancel' ? { canceled: true } : { canceled: false, filePath: answer }),
  });
  return handlers;
}

describe('export:begin / append / finish / abort', () => {
  it('writes the chunks to a temporary sibling and renames it into place only when the save finishes', async () => {
    const dir = await makeDir();
    const target = path.join(dir, 'case.ttcase');
    const handlers = await setup(target);
    const id = await handlers['export:begin'](APP_SENDER, 'case.ttcase');
    expect(id).toBe('save-1');
    await handlers['export:append'](APP_SENDER, id, new TextEncoder().encode('PK'));
    await handlers['export:append'](APP_SENDER, id, new TextEncoder().encode('-archive'));
    // Nothing under the chosen name yet: a crash here leaves no truncated archive behind.
    expect(await fs.readdir(dir)).toEqual(['case.ttcase.save-1.partial']);
    await expect(handlers['export:finish'](APP_SENDER, id)).resolves.toEqual({ saved: true, path: target });
    expect(await fs.readFile(target, 'utf8')).toBe('PK-archive');
    expect(await fs.readdir(dir)).toEqual(['case.ttcase']);
    await expect(handlers['export:append'](APP_SENDER, id, new Uint8Array(1))).rejects.toThrow('[unknown-file]');
  });

  it('removes what was written on abort, and resolves null when the investigator cancels the dialog', async () => {
    const dir = await makeDir();
    const handlers = await setup(path.join(dir, 'big.ttcase'));
    const id = await handlers['export:begin'](APP_SENDER, 'big.ttcase');
    await handlers['export:append'](APP_SENDER, id, new Uint8Array(1024));
    await handlers['export:abort'](APP_SENDER, id);
    expect(await fs.readdir(dir)).toEqual([]);
    await expect((await setup('cancel'))['export:begin'](APP_SENDER, 'x.ttcase')).resolves.toBeNull();
  });

  it('refuses an id it never handed out, a path as a name, and a chunk over the message limit', async () => {
    const handlers = await setup('/nonexistent/x');
    await expect(handlers['export:finish'](APP_SENDER, 'forged')).rejects.toThrow('[unknown-file]');
    expect(() => validateIpcArgs['export:begin'](['../../etc/passwd'])).toThrow('[invalid-argument]');
    expect(() => validateIpcArgs['export:append'](['save-1', new Uint8Array(16 * 1024 * 1024 + 1)])).toThrow(
      '[invalid-argument]',
    );
    await expect(handlers['export:begin']({ url: 'https://evil.example/' }, 'x')).rejects.toThrow('[untrusted-sender]');
  });
});
