import { IpcRequestError } from '../../ipc/ipc-contract';

/**
 * The files the investigator picked, by opaque id. The renderer can read a file only through an id this registry
 * handed out, so a compromised page cannot name an arbitrary path; absolute paths never leave the main process.
 */
export class FileRegistry {
  readonly #pathsById = new Map<string, string>();

  /** @param createId returns a fresh unguessable id (e.g. `crypto.randomUUID`); injected so tests can see ids. */
  constructor(private readonly createId: () => string) {}

  /** Registers an absolute path and returns its id. Picks accumulate: ids of earlier picks stay readable. */
  register(absolutePath: string): string {
    const id = this.createId();
    if (this.#pathsById.has(id)) throw new Error(`file registry: id generator returned a duplicate id ${id}`);
    this.#pathsById.set(id, absolutePath);
    return id;
  }

  /** The absolute path of `id`; rejects ids that were never handed out with code `unknown-file`. */
  resolve(id: string): string {
    const absolutePath = this.#pathsById.get(id);
    if (absolutePath === undefined) {
      throw new IpcRequestError('unknown-file', `file:read: no picked file has id "${id}"; pick the bundle again`);
    }
    return absolutePath;
  }
}
