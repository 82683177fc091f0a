// What every view needs from the app shell: the host, who is investigating, and the chosen time zone.
import { createContext, useContext } from 'react';
import type { Host } from '../host/host';
import type { TimeZoneChoice } from './format-time';

export interface AppContextValue {
  readonly host: Host;
  readonly investigator: string;
  readonly timeZone: TimeZoneChoice;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp() used outside <AppContext.Provider>');
  return value;
}
