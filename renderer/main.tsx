// Renderer entry: pick the host, open the store, render the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { db } from './db/schema';
import { installShippedGeoDatabases } from './geo/shipped-geo';
import { selectHost } from './host/select-host';
import { ingestClient } from './ingest/ingest-client';
import { App } from './shell/App';
import { ErrorBoundary } from './shell/ErrorBoundary';
import './shell/styles.css';

const root = createRoot(document.getElementById('root')!);

function showStoreFailure(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  root.render(
    <main className="fatal" data-testid="fatal-error" role="alert">
      <h1>The case store could not be opened</h1>
      <p>{message}</p>
      <p className="hint">
        Tokentrail keeps cases in this browser profile's IndexedDB. Private windows and some locked-down profiles
        disable it; open Tokentrail in a normal window or use the desktop app.
      </p>
    </main>,
  );
}

db.open().then(() => {
  // Ask the browser not to evict stored evidence under storage pressure; refusal changes nothing else.
  void navigator.storage?.persist?.().catch(() => false);
  const host = selectHost();
  // The desktop app's first start puts its shipped geolocation database into the profile, in the background
  // (the Geolocation panel shows the progress); parsing requested meanwhile waits so its IPs are located.
  ingestClient.waitFor(installShippedGeoDatabases(host));
  root.render(
    <StrictMode>
      <ErrorBoundary>
        <App host={host} />
      </ErrorBoundary>
    </StrictMode>,
  );
}, showStoreFailure);
