import path from 'node:path';
import { isAppUrl } from './app-scheme';

/** Where an app URL points on disk, or why it may not be served (with the HTTP status to answer). */
export type AppFileResolution =
  | { readonly ok: true; readonly filePath: string }
  | { readonly ok: false; readonly status: 400 | 403 | 404; readonly reason: string };

const refuse = (status: 400 | 403 | 404, reason: string): AppFileResolution => ({ ok: false, status, reason });

/**
 * Maps `tokentrail://app/<path>` to a file under `webRoot` and refuses anything that could escape it.
 *
 * The URL parser already collapses `.` and `..` segments (including `%2e%2e`), but percent-encoded separators
 * (`..%2F..%2Fetc`) survive parsing and only turn into traversal once decoded, so segments are decoded one by one
 * and rejected if any is empty, `.` or `..`, or holds a separator or NUL. The joined path is checked to lie inside
 * `webRoot` as a last line of defence. `/` (and any directory-style URL ending in `/`) serves `index.html`.
 */
export function resolveAppFile(webRoot: string, requestUrl: string): AppFileResolution {
  if (!isAppUrl(requestUrl)) return refuse(404, `not an app URL: ${requestUrl}`);
  const url = new URL(requestUrl);
  // Chromium always gives a standard-scheme URL a path of at least '/'; Node's parser may leave it empty.
  const directory = url.pathname === '' || url.pathname.endsWith('/');
  const pathname = directory ? `${url.pathname || '/'}index.html` : url.pathname;
  const segments: string[] = [];
  for (const encoded of pathname.split('/').slice(1)) {
    let segment: string;
    try {
      segment = decodeURIComponent(encoded);
    } catch {
      return refuse(400, `malformed percent-encoding in ${url.pathname}`);
    }
    if (segment === '' || segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) {
      return refuse(403, `refused path segment "${encoded}" in ${url.pathname}`);
    }
    segments.push(segment);
  }
  const root = path.resolve(webRoot);
  const filePath = path.resolve(root, ...segments);
  const relative = path.relative(root, filePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return refuse(403, `path escapes the app root: ${url.pathname}`);
  }
  return { ok: true, filePath };
}
