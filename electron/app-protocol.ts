import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { contentTypeFor } from './mime-types';
import { resolveAppFile } from './resolve-app-file';

/** What the app-scheme handler needs: the built UI folder and a way to read a file from it. */
export interface AppProtocolDependencies {
  /** The absolute path of dist/web. */
  readonly webRoot: string;
  /** Reads a whole file; rejects with a Node-style `code` (ENOENT, EISDIR…) when it cannot. */
  readonly readFile: (filePath: string) => Promise<Uint8Array>;
}

/** Headers every app response carries, errors included, so no response is ever without the policy. */
function securityHeaders(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    // The UI is rebuilt in place during development; a stale cached bundle would hide the change.
    'Cache-Control': 'no-store',
  });
}

function textResponse(status: number, message: string): Response {
  return new Response(message, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

const NOT_FOUND_CODES = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

/**
 * Builds the `protocol.handle('tokentrail', …)` handler: serves files of `webRoot` for GET and HEAD with the
 * strict CSP, answers 403 to anything that would leave `webRoot`, 404 to missing files, 405 to other methods.
 * It reads files itself instead of delegating to `net.fetch('file://…')` because that request would pass through
 * the session's request filter, which cancels file:// by design.
 */
export function createAppProtocolHandler(
  dependencies: AppProtocolDependencies,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, `method ${request.method} is not allowed`);
    }
    const resolution = resolveAppFile(dependencies.webRoot, request.url);
    if (!resolution.ok) return textResponse(resolution.status, resolution.reason);
    let body: Uint8Array;
    try {
      body = await dependencies.readFile(resolution.filePath);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && NOT_FOUND_CODES.has(code))
        return textResponse(404, `not found: ${new URL(request.url).pathname}`);
      throw error;
    }
    const headers = securityHeaders(contentTypeFor(resolution.filePath));
    headers.set('Content-Length', String(body.byteLength));
    // Files are read into ordinary (never shared) ArrayBuffers; the cast only narrows the buffer's declared type.
    const payload = request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>);
    return new Response(payload, { status: 200, headers });
  };
}
