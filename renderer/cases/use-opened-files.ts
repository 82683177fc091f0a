// Files the operating system asks the desktop app to open (a double-click on a .ttbundle or .ttcase, a path on the
// command line, a second launch) open as new cases. Nothing is asked for before an investigator is signed in: the
// main process keeps the files until then, so every custody entry names who opened them.
import { useEffect } from 'react';
import type { Host, OpenedFile } from '../host/host';
import { ingestClient } from '../ingest/ingest-client';
import { openBundleZipAsCase } from '../evidence/queries';

/** What to do with an opened case archive (core/archive): import it and return the new case's id. */
export type OpenCaseArchive = (file: NonNullable<OpenedFile['file']>, investigator: string) => Promise<string>;

async function openAsCase(opened: OpenedFile, investigator: string, openCaseArchive: OpenCaseArchive) {
  if (!opened.file) throw new Error(opened.problem ?? `${opened.name} cannot be read`);
  if (opened.kind === 'case-archive') return openCaseArchive(opened.file, investigator);
  const caseId = await openBundleZipAsCase(investigator, { kind: 'zip', name: opened.name, files: [opened.file] });
  await ingestClient.ingestUnparsed(caseId);
  return caseId;
}

/** Subscribes to opened files while `investigator` is set; each opens as a case, one after the other. */
export function useOpenedFiles(
  host: Host,
  investigator: string,
  openCaseArchive: OpenCaseArchive,
  onOpened: (caseId: string) => void,
  onProblem: (message: string) => void,
): void {
  useEffect(() => {
    if (!investigator) return undefined;
    let queue = Promise.resolve();
    return host.onFilesOpened((files) => {
      for (const opened of files) {
        queue = queue.then(() =>
          openAsCase(opened, investigator, openCaseArchive).then(onOpened, (error: unknown) =>
            onProblem(`Opening ${opened.name} failed: ${error instanceof Error ? error.message : String(error)}`),
          ),
        );
      }
    });
  }, [host, investigator, openCaseArchive, onOpened, onProblem]);
}
