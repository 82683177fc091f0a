/**
 * The request line of an access log (`%r`, nginx `$request`), read without assuming it is well formed: scanners and
 * exploit attempts send targets with spaces or quotes in them, bare paths without method or protocol, or no HTTP at
 * all (a TLS ClientHello sent to a plain-HTTP port is logged as `\x16\x03\x01…`).
 */

/** What the request line says; `shape` names a request line that is not `METHOD target PROTOCOL`. */
export interface RequestLine {
  readonly method?: string;
  readonly target?: string;
  readonly protocol?: string;
  readonly shape?: 'tls-handshake' | 'no-method' | 'not-http';
}

const METHOD = /^[A-Z][A-Z_-]*$/;
const PROTOCOL = /^HTTP\/\d(?:\.\d)?$/i;

/** Read a request line (escapes already undone, except `\xHH` runs a TLS handshake is recognised by). */
export function readRequestLine(request: string): RequestLine {
  // A TLS record header: content type 0x16 (handshake), version 0x03 0x0n; nginx and Apache log it escaped.
  if (/^\\x16\\x03/i.test(request) || request.startsWith('\u0016\u0003')) return { shape: 'tls-handshake' };
  const firstSpace = request.indexOf(' ');
  if (firstSpace < 0) return request.startsWith('/') ? { target: request, shape: 'no-method' } : { shape: 'not-http' };
  const method = request.slice(0, firstSpace);
  if (!METHOD.test(method))
    return request.startsWith('/') ? { target: request, shape: 'no-method' } : { shape: 'not-http' };
  const lastSpace = request.lastIndexOf(' ');
  const protocol = lastSpace > firstSpace ? request.slice(lastSpace + 1) : '';
  if (PROTOCOL.test(protocol)) return { method, target: request.slice(firstSpace + 1, lastSpace), protocol };
  // HTTP/0.9 style (`GET /path`) or a target with spaces and no protocol: everything after the method.
  return { method, target: request.slice(firstSpace + 1) };
}
