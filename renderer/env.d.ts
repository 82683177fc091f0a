// Module types for build-time imports handled by renderer/vite.config.ts.
declare module '*?bytes' {
  const bytes: Uint8Array;
  export default bytes;
}
