import type { ReportManifest } from '../../core/report';
import { signManifest } from '../../core/report';
import { IpcRequestError } from '../../ipc/ipc-contract';
import { defineIpcHandler, type IpcHandler } from './ipc-handler';
import type { SigningKeyCustody } from './signing-key-custody';

/** What the report-signing handlers need: the key custody main holds. */
export interface ReportSigningDependencies {
  readonly custody: Pick<SigningKeyCustody, 'info' | 'signer'>;
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
} {
  return {
    'report:signing-key': defineIpcHandler('report:signing-key', () => dependencies.custody.info()),
    'report:sign': defineIpcHandler('report:sign', async (manifest, signer, signedAt) => {
      assertReportManifest(manifest);
      return signManifest(manifest, await dependencies.custody.signer(signer), signedAt);
    }),
  };
}
