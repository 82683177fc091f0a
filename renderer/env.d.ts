// Module types for build-time imports handled by renderer/vite.config.ts.
declare module '*?bytes' {
  const bytes: Uint8Array;
  export default bytes;
}

// Vite bundles `?worker&inline` imports into the page as a blob: URL (no separate file: the single-file build
// must load nothing from disk).
declare module '*?worker&inline' {
  const WorkerConstructor: { new (options?: { name?: string }): Worker };
  export default WorkerConstructor;
}
