// An insider with the profile's IndexedDB in hand (page.evaluate on the real, on-disk store, bypassing the app):
// rewriting a stored file together with its stored SHA-256 must fail Re-verify, naming the sources that disagree;
// deleting the last custody entries must show the chain broken against the length the case record anchors. And a
// file name holding a right-to-left override is shown escaped, not reversed.
import { writeFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { createCase, importEvidence, SAMPLE_BUNDLE, signIn } from './app-actions';

/** Replaces one stored file's bytes and its stored hash together, as an insider would; returns its path. */
function forgeStoredFile(): Promise<string> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('tokentrail');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const database = open.result;
      const read = database.transaction('evidenceFiles').objectStore('evidenceFiles').getAll();
      read.onsuccess = async () => {
        const file =
          (read.result as { id: string; path: string; sha256: string }[]).find((record) =>
            record.path.endsWith('.log'),
          ) ?? read.result[0];
        const bytes = new TextEncoder().encode('nothing happened here\n');
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
        const sha256 = Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
        const write = database.transaction(['evidenceFiles', 'evidenceBlobs'], 'readwrite');
        write.objectStore('evidenceFiles').put({ ...file, sha256, size: bytes.length });
        const blobs = write.objectStore('evidenceBlobs');
        const blob = blobs.get(file.id);
        blob.onsuccess = () => blobs.put({ ...blob.result, bytes });
        write.oncomplete = () => {
          database.close();
          resolve(file.path);
        };
        write.onerror = () => reject(write.error);
      };
    };
  });
}

/** Deletes every custody entry from `fromSeq` on, leaving a shorter chain that still links up. */
function truncateCustody(fromSeq: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('tokentrail');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const database = open.result;
      const write = database.transaction('custody', 'readwrite');
      const store = write.objectStore('custody');
      const keys = store.getAllKeys();
      keys.onsuccess = () => {
        for (const key of keys.result as [string, number][]) if (key[1] >= fromSeq) store.delete(key);
      };
      write.oncomplete = () => {
        database.close();
        resolve();
      };
      write.onerror = () => reject(write.error);
    };
  });
}

test('Re-verify refuses bytes and hash forged together, a truncated chain is reported, a bidi file name is escaped', async ({
  app,
}, testInfo) => {
  const page = app.page;
  await signIn(page);
  await createCase(page, 'Custody tamper');
  await page.getByTestId('tab-evidence').click();
  await importEvidence(page, 'zip', SAMPLE_BUNDLE, 'verified');

  const forgedPath = await page.evaluate(forgeStoredFile);
  await page.getByTestId('reverify').click();
  await expect(page.getByTestId('reverify-result')).toHaveAttribute('data-verdict', 'altered');
  const altered = page.getByTestId('reverify-altered-file');
  await expect(altered).toHaveCount(1);
  await expect(altered).toHaveAttribute('data-path', forgedPath);
  await expect(altered).toHaveAttribute('data-disagreeing', 'bytes stored');
  await expect(altered).toContainText('differ from the custody record');

  const reversedName = 'a\u202Etxt.exe';
  const loose = testInfo.outputPath(reversedName);
  await writeFile(loose, '2026-03-01T10:00:00Z login ok\n');
  await importEvidence(page, 'files', loose, 'generated');
  const row = page.locator('[data-testid=evidence-file-row]').filter({ hasText: 'a\\u202Etxt.exe' });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('evidence-file-name')).toHaveText('a\\u202Etxt.exe');

  await page.getByTestId('reverify').click();
  await expect(page.locator('[data-testid=custody-row]')).toHaveCount(5);
  await expect(page.getByTestId('chain-status')).toHaveAttribute('data-intact', 'true');

  await page.evaluate(truncateCustody, 2);
  await page.reload();
  const status = page.getByTestId('chain-status');
  await expect(status).toHaveAttribute('data-intact', 'false');
  await expect(status).toHaveAttribute('data-problem', 'length');
  await expect(status).toContainText('Chain broken: 2 entries present, the case records 5 entries (head ');
  await expect(page.locator('[data-testid=custody-row]')).toHaveCount(2);

  // Appending now would move the anchor onto the truncated chain and hide the cut: the app refuses.
  await page.getByTestId('reverify').click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'nothing more is recorded until the chain is examined' }),
  ).toBeVisible();
  await expect(page.locator('[data-testid=custody-row]')).toHaveCount(2);
  await expect(status).toHaveAttribute('data-problem', 'length');
});
