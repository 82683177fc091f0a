// Investigator settings kept in the store, so they survive reloads like the cases do.
import type { TokentrailDatabase } from './schema';

export const SETTING_INVESTIGATOR = 'investigator';
export const SETTING_TIME_ZONE = 'timeZone';

export async function readSetting(database: TokentrailDatabase, key: string): Promise<string | undefined> {
  return (await database.settings.get(key))?.value;
}

export async function writeSetting(database: TokentrailDatabase, key: string, value: string): Promise<void> {
  await database.settings.put({ key, value });
}
