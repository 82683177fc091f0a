// CSV column mappings the investigator saved, by name, in the settings table (one JSON list): a export from
// the same system next month maps the same way with one click.
import type { CsvMapping } from '../../core/sources';
import { readSetting, writeSetting } from '../db/settings';
import type { TokentrailDatabase } from '../db/schema';

export const SETTING_CSV_PRESETS = 'csvPresets';

/** A saved mapping: a CsvMapping that has a name. */
export type CsvPreset = CsvMapping & { readonly name: string };

function isPreset(value: unknown): value is CsvPreset {
  const candidate = value as CsvPreset | null;
  return typeof candidate?.name === 'string' && typeof candidate.columns === 'object' && candidate.columns !== null;
}

/** The saved presets; a damaged setting reads as none rather than breaking the view. */
export async function readCsvPresets(database: TokentrailDatabase): Promise<CsvPreset[]> {
  const stored = await readSetting(database, SETTING_CSV_PRESETS);
  if (!stored) return [];
  try {
    const parsed: unknown = JSON.parse(stored);
    return Array.isArray(parsed) ? parsed.filter(isPreset) : [];
  } catch {
    return [];
  }
}

/** Saves a preset, replacing one with the same name. */
export async function saveCsvPreset(database: TokentrailDatabase, preset: CsvPreset): Promise<void> {
  await database.transaction('rw', database.settings, async () => {
    const presets = (await readCsvPresets(database)).filter((other) => other.name !== preset.name);
    await writeSetting(
      database,
      SETTING_CSV_PRESETS,
      JSON.stringify([...presets, preset].sort((a, b) => a.name.localeCompare(b.name))),
    );
  });
}
