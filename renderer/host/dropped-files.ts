// Drag and drop, the same in both hosts: dropped folders are walked with webkitGetAsEntry, so a dropped
// bundle folder, a dropped zip and a handful of loose files each become the selection a picker would give.
import type { PickedSelection } from './host';
import { looseSelectionName } from './host';
import { pickedFileFromBlob } from './blob-file';

interface DroppedFile {
  readonly file: File;
  /** Path relative to the dropped item ("case-42/logs/auth.log" for a file inside a dropped folder). */
  readonly path: string;
}

/** A dropped item: a file-system entry when the browser offers one, else the plain File. */
export type DroppedItem = FileSystemEntry | File;

/**
 * Must be called synchronously inside the drop handler: the browser empties the DataTransfer as soon as
 * the handler returns, so the items are taken first and walked afterwards. Items without an entry (a
 * DataTransfer built by script, some embedders) still arrive as plain files.
 */
export function takeDroppedItems(transfer: DataTransfer): DroppedItem[] {
  const items: DroppedItem[] = [];
  for (const item of [...transfer.items]) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry();
    const file = entry ? null : item.getAsFile();
    if (entry) items.push(entry);
    else if (file) items.push(file);
  }
  return items;
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** readEntries returns at most ~100 entries per call; it signals the end with an empty batch. */
async function childrenOf(directory: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = directory.createReader();
  const children: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return children;
    children.push(...batch);
  }
}

async function walk(entry: DroppedItem, prefix: string, out: DroppedFile[]): Promise<void> {
  if (entry instanceof File) {
    out.push({ file: entry, path: entry.name });
    return;
  }
  const path = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (entry.isFile) {
    out.push({ file: await fileOf(entry as FileSystemFileEntry), path });
    return;
  }
  if (entry.isDirectory) {
    for (const child of await childrenOf(entry as FileSystemDirectoryEntry)) await walk(child, path, out);
  }
}

/**
 * One dropped folder is a folder bundle; one dropped .zip is a zip bundle; anything else is loose files
 * (files inside dropped folders keep their relative paths so nothing collides).
 */
export async function selectionFromDroppedItems(entries: readonly DroppedItem[]): Promise<PickedSelection | null> {
  const [only] = entries;
  if (entries.length === 1 && only && !(only instanceof File) && only.isDirectory) {
    const files: DroppedFile[] = [];
    for (const child of await childrenOf(only as FileSystemDirectoryEntry)) await walk(child, '', files);
    return { kind: 'folder', name: only.name, files: files.map(({ file, path }) => pickedFileFromBlob(file, path)) };
  }
  const files: DroppedFile[] = [];
  for (const entry of entries) await walk(entry, '', files);
  if (files.length === 0) return null;
  const picked = files.map(({ file, path }) => pickedFileFromBlob(file, path));
  const [single] = picked;
  if (picked.length === 1 && single && /\.zip$/i.test(single.path))
    return { kind: 'zip', name: single.path, files: picked };
  return { kind: 'files', name: looseSelectionName(picked), files: picked };
}
