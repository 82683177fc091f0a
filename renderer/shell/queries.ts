// The app-wide settings the shell reads and writes, in one place: views call these, never `db` itself.
import { db } from '../db/schema';
import { readSetting, writeSetting } from '../db/settings';

export { SETTING_INVESTIGATOR, SETTING_TIME_ZONE } from '../db/settings';

export function readAppSetting(key: string): Promise<string | undefined> {
  return readSetting(db, key);
}

export function writeAppSetting(key: string, value: string): Promise<void> {
  return writeSetting(db, key, value);
}
