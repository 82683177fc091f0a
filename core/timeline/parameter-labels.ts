/**
 * Human labels for detector parameters: `maxSpeedKmh` → "Max speed (km/h)". The configuration keeps its camelCase
 * names (they are what case-config.json holds), but a screen shows words and the unit, so a value is never typed in
 * the wrong one. The unit is read from the name's suffix, which every parameter follows.
 */

/** Name suffix → unit, longest first where one ends another ("Kmh" before "Km"). */
const UNITS: readonly (readonly [string, string])[] = [
  ['Kmh', 'km/h'],
  ['Km', 'km'],
  ['Seconds', 's'],
  ['Minutes', 'min'],
  ['Hours', 'h'],
  ['Days', 'days'],
  ['Ms', 'ms'],
];

/** Words the label spells differently from the name's camelCase pieces. */
const WORDS: Readonly<Record<string, string>> = { ips: 'IPs', max: 'max', min: 'min' };

/** The unit a parameter is given in, from its name's suffix; undefined for counts, switches and lists. */
export function parameterUnit(name: string): string | undefined {
  return UNITS.find(([suffix]) => name.endsWith(suffix))?.[1];
}

/** "Max speed (km/h)", "Clock skew (s)", "Max distinct IPs", "Flag missing audience". */
export function parameterLabel(name: string): string {
  const unit = UNITS.find(([suffix]) => name.endsWith(suffix));
  const stem = unit ? name.slice(0, -unit[0].length) : name;
  const words = stem
    .split(/(?=[A-Z])/)
    .filter((word) => word !== '')
    .map((word) => WORDS[word.toLowerCase()] ?? word.toLowerCase());
  const text = words.join(' ');
  const label = text.charAt(0).toUpperCase() + text.slice(1);
  return unit ? `${label} (${unit[1]})` : label;
}
