import type { CaseConfig } from '../../evidence/case-config';

/** One API of the case configuration (case-config.json `apis`). */
export type ConfiguredApi = CaseConfig['apis'][number];

/** A configured API split into what a request is matched on: host (when its baseUrl has one) and path. */
export interface ApiTarget {
  readonly api: ConfiguredApi;
  readonly host?: string;
  readonly path: string;
}

/** Where a request went, as an entry records it. */
export interface RequestPlace {
  readonly host?: string;
  readonly path?: string;
}

/** Split a configured API's baseUrl into host and path (a baseUrl without a scheme is a path). */
export function apiTarget(api: ConfiguredApi): ApiTarget {
  const match = /^([a-z][\w+.-]*:)?\/\/([^/?#]+)([^?#]*)/i.exec(api.baseUrl);
  if (!match) return { api, path: api.baseUrl.startsWith('/') ? api.baseUrl : `/${api.baseUrl}` };
  return { api, host: normalizeHost(match[2]!), path: match[3] || '/' };
}

/** Lower case, default ports dropped: `API.example:443` and `api.example` are one host. */
export function normalizeHost(host: string): string {
  return host.toLowerCase().replace(/:(80|443)$/, '');
}

/** The path of a logged request without scheme and host (an absolute URL in a log line keeps only its path). */
export function requestPath(path: string): string {
  return path.startsWith('/') ? path : path.replace(/^[a-z][\w+.-]*:\/\/[^/]+/i, '') || '/';
}

function underPath(path: string, base: string): boolean {
  if (base === '/' || base === '') return true;
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return (
    path === base ||
    path === prefix.slice(0, -1) ||
    path.startsWith(prefix) ||
    path.startsWith(`${prefix.slice(0, -1)}?`)
  );
}

/** The configured API a request went to: host and path under its baseUrl; the longest baseUrl wins. */
export function apiOfRequest(
  targets: readonly ApiTarget[],
  request: RequestPlace,
  matchPathWithoutHost: boolean,
): ConfiguredApi | undefined {
  if (request.path === undefined) return undefined;
  const path = requestPath(request.path);
  const host = request.host !== undefined ? normalizeHost(request.host) : undefined;
  let best: ApiTarget | undefined;
  for (const target of targets) {
    if (host !== undefined && target.host !== undefined && target.host !== host) continue;
    if (host === undefined && target.host !== undefined && (!matchPathWithoutHost || target.path === '/')) continue;
    if (!underPath(path, target.path)) continue;
    if (!best || target.path.length > best.path.length) best = target;
  }
  return best?.api;
}
