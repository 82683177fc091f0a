import path from 'node:path';
import type { ReportManifest } from '../../core/report';
import { signManifest } from '../../core/report';
import { IpcRequestError } from '../../ipc/ipc-contract';
import { defineIpcHandler, type IpcHandler } from './ipc-handler';
import type { OrganisationKeyCustody } from './organisation-key-custody';
import type { SigningKeyCustody } from './signing-key-custody';

/** What the report-signing handlers need: the key custodies main holds, and main's own way to choose key files. */
export interface ReportSigningDependencies {
  /** The app's own key, made on first use. */
  readonly custody: Pick<SigningKeyCustody, 'info' | 'signer'>;
  /** The organisation key, when one is imported: it signs instead of the app's own key. */
  readonly organisation: Pick<OrganisationKeyCustody, 'info' | 'signer' | 'import' | 'forget'>;
  /** Main's open dialog for the key and chain files (several may be chosen); empty when cancelled. */
  readonly pickOrganisationKeyFiles: () => Promise<readonly string[]>;
  /** Reads a chosen key or chain file as text (refusing one too large to be a key file). */
  readonly readKeyFile: (filePath: string) => Promise<string>;
}

/**
 * Main signs only what is a report manifest (canonical JSON naming the package's files), not any bytes a page sends:
 * a renderer that went wrong cannot use the key as a general signing oracle for tokens or other documents.
 */
function assertReportManifest(manifest: Uint8Array): void {
  let parsed: Partial<ReportManifest>;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifest)) as Partial<ReportManifest>;
  } catch {
    throw new IpcRequestError('invalid-argument', 'report:sign: manifest is not UTF-8 JSON');
  }
  if (
    parsed === null ||
    typeof parsed !== 'object' ||
    parsed.format !== 'tokentrail-report-manifest' ||
    parsed.formatVersion !== 1 ||
    !Array.isArray(parsed.files)
  )
    throw new IpcRequestError('invalid-argument', 'report:sign: manifest is not a Tokentrail report manifest');
}

/**
 * `report:signing-key` (the public half, made on first use) and `report:sign` (the manifest's detached JWS). No
 * channel takes or returns the private key; main builds the JWS itself with core's signManifest, so the renderer
 * only ever sees the finished signature.
 */
export function createReportSigningHandlers(dependencies: ReportSigningDependencies): {
  readonly 'report:signing-key': IpcHandler<'report:signing-key'>;
  readonly 'report:sign': IpcHandler<'report:sign'>;
  readonly 'report:import-organisation-key': IpcHandler<'report:import-organisation-key'>;
  readonly 'report:forget-organisation-key': IpcHandler<'report:forget-organisation-key'>;
} {
  const { custody, organisation } = dependencies;
  return {
    'report:signing-key': defineIpcHandler(
      'report:signing-key',
      async () => (await organisation.info()) ?? custody.info(),
    ),
    'report:sign': defineIpcHandler('report:sign', async (manifest, signer, signedAt) => {
      assertReportManifest(manifest);
      return signManifest(manifest, (await organisation.signer(signer)) ?? (await custody.signer(signer)), signedAt);
    }),
    'report:import-organisation-key': defineIpcHandler('report:import-organisation-key', async () => {
      const chosen = await dependencies.pickOrganisationKeyFiles();
      if (chosen.length === 0) return null;
      const files = await Promise.all(
        chosen.map(async (filePath) => ({
          name: path.basename(filePath),
          text: await dependencies.readKeyFile(filePath),
        })),
      );
      return organisation.import(files);
    }),
    'report:forget-organisation-key': defineIpcHandler('report:forget-organisation-key', async () => {
      await organisation.forget();
      return custody.info();
    }),
  };
}
