/**
 * The Content-Security-Policy of every app response. Scripts come only from the app itself (no inline script,
 * no eval), nothing may be fetched from elsewhere, and nothing may frame the app or be posted out of it.
 * Inline styles stay allowed because React's `style` props compile to them; blob: workers and images cover
 * Vite's worker bundles and images the investigator drops in.
 */
const DIRECTIVES: ReadonlyArray<readonly [directive: string, sources: string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['connect-src', "'self'"],
  ['worker-src', "'self' blob:"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['frame-ancestors', "'none'"],
  ['form-action', "'none'"],
];

/** The policy as one header value. */
export const CONTENT_SECURITY_POLICY = DIRECTIVES.map(([directive, sources]) => `${directive} ${sources}`).join('; ');
