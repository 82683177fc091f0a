// Rows of the store read straight from the on-disk IndexedDB, without the app: what a case holds in every table, for
// the specs that compare a case before and after something happens to it (archive round trip, deletion).
import type { Page } from '@playwright/test';

/** Tables of the store that hold no case rows (renderer/archive/archived-tables.ts NOT_CASE_DATA). */
const NOT_CASE_DATA = ['settings', 'geoDatabases', 'geoDatabaseFiles'];

/** Per table, rows as JSON (key order kept, bytes as hex), in key order. */
export type Dump = Record<string, string[]>;

/**
 * Every row of the case `caseId` in every object store (or, with `others`, every row of every other case), in key
 * order, each as JSON.
 */
export function dumpCase(page: Page, caseId: string, others = false): Promise<Dump> {
  return page.evaluate(
    ({ caseId, skip, others }) =>
      new Promise<Dump>((resolve, reject) => {
        const open = indexedDB.open('tokentrail');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          const names = [...database.objectStoreNames].filter((name) => !skip.includes(name));
          const transaction = database.transaction(names);
          const dump: Dump = {};
          const bytes = (_key: string, value: unknown) =>
            value instanceof Uint8Array
              ? { hex: Array.from(value, (byte) => byte.toString(16).padStart(2, '0')).join('') }
              : value;
          for (const name of names) {
            const request = transaction.objectStore(name).getAll();
            request.onsuccess = () => {
              dump[name] = (request.result as Record<string, unknown>[])
                .filter((row) => ((name === 'cases' ? row.id : row.caseId) === caseId) !== others)
                .map((row) => JSON.stringify(row, bytes));
            };
          }
          transaction.oncomplete = () => {
            database.close();
            resolve(dump);
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    { caseId, skip: NOT_CASE_DATA, others },
  );
}
