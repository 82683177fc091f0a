// The browser host: what the single-file build and the end-to-end tests run on. Picking uses a transient
// hidden <input type=file>; exports are downloaded through a blob URL (nothing leaves the machine).
import type { Host, PickKind, PickedSelection, ShellInfo } from './host';
import { looseSelectionName } from './host';
import { blobSaveStream, pickedFileFromBlob, splitFolderPath } from './blob-file';
import { embeddedGeoDatabases } from '../geo/embedded-geo';
import {
  browserForgetOrganisationKey,
  browserImportOrganisationKey,
  browserSigningKey,
  browserSignManifest,
} from './browser-signing-key';

function createInput(kind: PickKind): HTMLInputElement {
  const input = document.createElement('input');
  input.type = 'file';
  input.hidden = true;
  input.dataset.testid = `file-input-${kind}`;
  if (kind === 'files') input.multiple = true;
  if (kind === 'zip') input.accept = '.zip,.ttbundle,.ttcase,application/zip';
  if (kind === 'folder') input.webkitdirectory = true;
  return input;
}

/** Turns the files of a finished pick into a selection; folder picks carry webkitRelativePath. */
export function selectionFromFileList(kind: PickKind, list: readonly File[]): PickedSelection | null {
  if (list.length === 0) return null;
  if (kind === 'folder') {
    const parts = list.map((file) => ({ file, ...splitFolderPath(file.webkitRelativePath || file.name) }));
    return {
      kind,
      name: parts[0]?.folder || 'folder',
      files: parts.map(({ file, inner }) => pickedFileFromBlob(file, inner)),
    };
  }
  const files = list.map((file) => pickedFileFromBlob(file, file.name));
  return { kind, name: kind === 'zip' ? (files[0]?.path ?? 'bundle.zip') : looseSelectionName(files), files };
}

function pickWithInput(kind: PickKind): Promise<PickedSelection | null> {
  return new Promise((resolve) => {
    const input = createInput(kind);
    const finish = (selection: PickedSelection | null) => {
      input.remove();
      resolve(selection);
    };
    input.addEventListener('change', () => finish(selectionFromFileList(kind, [...(input.files ?? [])])));
    input.addEventListener('cancel', () => finish(null));
    document.body.append(input);
    input.click();
  });
}

/** Ask for the organisation key and chain files (several at once); their texts, or null when cancelled. */
function pickKeyFiles(): Promise<{ name: string; text: string }[] | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.hidden = true;
    input.multiple = true;
    input.accept = '.pem,.key,.crt,.cer,application/x-pem-file';
    input.dataset.testid = 'file-input-signing-key';
    const finish = (files: readonly File[] | null) => {
      input.remove();
      if (!files || files.length === 0) return resolve(null);
      // A key or chain file is a few kilobytes; a large file is a wrong choice, not something to read whole.
      const large = files.find((file) => file.size > 1024 * 1024);
      if (large)
        return reject(new Error(`${large.name} is ${large.size} bytes, too large for a key or certificate file`));
      Promise.all(files.map(async (file) => ({ name: file.name, text: await file.text() }))).then(resolve, reject);
    };
    input.addEventListener('change', () => finish([...(input.files ?? [])]));
    input.addEventListener('cancel', () => finish(null));
    document.body.append(input);
    input.click();
  });
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // The download has started once click() returns; revoking later keeps slow browsers from losing it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The browser's engine as its user agent names it (a hint only: user agents can be changed). */
export function browserShellInfo(userAgent: string): ShellInfo {
  const chromium = /Chrom(?:e|ium)\/(\d[\d.]*)/.exec(userAgent)?.[1];
  return chromium ? { shell: `Browser (Chromium ${chromium})`, chromium } : { shell: `Browser (${userAgent})` };
}

export const browserHost: Host = {
  kind: 'browser',
  pick: pickWithInput,
  async saveExport(name, bytes) {
    download(name, new Blob([bytes as Uint8Array<ArrayBuffer>]));
    return { saved: true };
  },
  async saveExportFile(name, file) {
    download(name, file);
    return { saved: true };
  },
  saveStream: async (name) => blobSaveStream(name, async (blob) => (download(name, blob), { saved: true })),
  // A browser tab has no application menu to send the command from.
  onOpenBundleCommand: () => () => {},
  onAboutCommand: () => () => {},
  // A page is never asked to open a file by the operating system: files come in through pickers and drops.
  onFilesOpened: () => () => {},
  shellInfo: async () => browserShellInfo(navigator.userAgent),
  // The single HTML file carries a country-level database (134 MB of city database would not fit); dist/web none.
  shippedGeoDatabases: () => embeddedGeoDatabases(document),
  reportSigningKey: browserSigningKey,
  signReportManifest: browserSignManifest,
  async importOrganisationSigningKey() {
    const files = await pickKeyFiles();
    return files ? browserImportOrganisationKey(files) : null;
  },
  forgetOrganisationSigningKey: browserForgetOrganisationKey,
};
