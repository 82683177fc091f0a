/** Serves `entry` bundled at `url`; `close()` stops the server (serve-page-script.mjs). */
export function servePageScript(entry: string): Promise<{ readonly url: string; close(): void }>;
