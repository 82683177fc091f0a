// The only way the UI reaches the platform. Two implementations: browser-host.ts (file inputs, downloads)
// and electron-host.ts (the preload bridge). The UI never imports Electron or touches window.tokentrail.
import type { RandomAccessInput, SequentialInput } from '../../core/evidence';
import type { ReportSigningKeyInfo } from '../../ipc/ipc-contract';

export type { ReportSigningKeyInfo } from '../../ipc/ipc-contract';

/** What the investigator asked to pick. */
export type PickKind = 'files' | 'folder' | 'zip';

/**
 * One picked file. It satisfies both of core's input shapes, so the same object can be read as a zip
 * (random access from the central directory) or streamed as a plain evidence file.
 */
export interface PickedFile extends SequentialInput, RandomAccessInput {}

/** A file that ships with the app (a geolocation database), read exactly like a picked one. */
export type ShippedFile = PickedFile;

/** The result of one pick (or one drop). */
export interface PickedSelection {
  readonly kind: PickKind;
  /** The picked folder's or zip's name; for loose files a summary such as "3 files". */
  readonly name: string;
  readonly files: readonly PickedFile[];
}

export interface SaveResult {
  readonly saved: boolean;
  readonly path?: string;
}

/** What runs the app, for the About dialog: the desktop shell's components, or the browser's engine. */
export interface ShellInfo {
  /** `Electron 45.5.0 on linux`, or the browser's engine as far as its user agent tells. */
  readonly shell: string;
  readonly chromium?: string;
  readonly electron?: string;
  readonly node?: string;
}

/** A file the operating system asked the app to open (desktop only): readable, or the reason it is not. */
export interface OpenedFile {
  readonly kind: 'bundle' | 'case-archive';
  readonly name: string;
  readonly file?: PickedFile;
  readonly problem?: string;
}

/**
 * A file being saved chunk by chunk (a case archive can be larger than memory should hold). Nothing is saved under
 * the final name until `close`; `abort` discards what was written.
 */
export interface SaveStream {
  /** The name the file is saved under (the suggested one, or where the investigator chose). */
  readonly name: string;
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<SaveResult>;
  abort(): Promise<void>;
}

export interface Host {
  readonly kind: 'browser' | 'electron';
  /** Opens the platform's picker; resolves null when the investigator cancels. */
  pick(kind: PickKind): Promise<PickedSelection | null>;
  /** Hands exported bytes to the investigator (a download, or a save dialog). */
  saveExport(name: string, bytes: Uint8Array): Promise<SaveResult>;
  /** Starts saving a large file chunk by chunk (a case archive); resolves null when the investigator cancels. */
  saveStream(name: string): Promise<SaveStream | null>;
  /**
   * Hands an export built in pieces to the investigator. A Blob made of chunks lives in the browser's blob store
   * (which pages large blobs to disk), not as one array in the page: the browser downloads it from there; the desktop
   * app writes it to disk slice by slice (export:begin/append/finish, electron/handlers/save-stream.ts).
   */
  saveExportFile(name: string, file: Blob): Promise<SaveResult>;
  /** Calls `listener` when the platform asks to open a bundle (the desktop menu); returns the unsubscribe. */
  onOpenBundleCommand(listener: () => void): () => void;
  /** Calls `listener` when the platform asks for the About dialog (Help ▸ About); returns the unsubscribe. */
  onAboutCommand(listener: () => void): () => void;
  /**
   * Calls `listener` with the files the operating system asks the app to open (associated files, command line,
   * a second launch), including those asked for before the subscription; returns the unsubscribe.
   */
  onFilesOpened(listener: (files: readonly OpenedFile[]) => void): () => void;
  /** The shell's component versions. */
  shellInfo(): Promise<ShellInfo>;
  /**
   * The geolocation databases that ship with this host, for installing into the profile on first start: the
   * desktop app carries DB-IP City Lite; the browser build carries none (see renderer/geo/).
   */
  shippedGeoDatabases(): Promise<readonly ShippedFile[]>;
  /**
   * The host's report-signing key, made on first use: its public half, thumbprint and custody, never its private
   * part. The browser keeps a non-extractable WebCrypto key in IndexedDB; the desktop app's main process keeps an
   * Ed25519 key encrypted with safeStorage.
   */
  reportSigningKey(): Promise<ReportSigningKeyInfo>;
  /**
   * Signs a report's manifest.json (its exact bytes) with that key as `signer` at `signedAt` (epoch ms) and
   * resolves the detached compact JWS (manifest.jws). The private key stays where the host keeps it.
   */
  signReportManifest(manifest: Uint8Array, signer: string, signedAt: number): Promise<string>;
  /**
   * Import an organisation-issued signing key with its certificate chain (PKCS#8 PEM and PEM certificates, leaf
   * first, in one or several files the host asks for): checked, kept non-extractable where the host keeps its key,
   * and used for every report from then on, its chain in the signature as `x5c`. Resolves the key's public half, or
   * null when the investigator cancels; rejects with the reason when the files do not fit (the chain does not match
   * the key…). The desktop app's main process opens the files itself, so the private key never reaches the page.
   */
  importOrganisationSigningKey(): Promise<ReportSigningKeyInfo | null>;
  /** Delete the imported organisation key; the host's own key signs again (resolved). */
  forgetOrganisationSigningKey(): Promise<ReportSigningKeyInfo>;
}

/** Name shown for a set of loose files. */
export function looseSelectionName(files: readonly { path: string }[]): string {
  if (files.length === 1 && files[0]) return files[0].path;
  return `${files.length} files`;
}
