// The time zone every time in the app is shown in. Stored as a setting, so it survives reloads.
import { useMemo } from 'react';
import { LOCAL_ZONE, localZoneName, timeZoneChoices } from './format-time';

interface TimeZoneSelectProps {
  readonly value: string;
  readonly onChange: (zone: string) => void;
}

export function TimeZoneSelect({ value, onChange }: TimeZoneSelectProps) {
  const choices = useMemo(timeZoneChoices, []);
  return (
    <label className="inline-field">
      <span>Time zone</span>
      <select data-testid="timezone-select" value={value} onChange={(event) => onChange(event.target.value)}>
        {choices.map((zone) => (
          <option key={zone} value={zone}>
            {zone === LOCAL_ZONE ? `Local (${localZoneName()})` : zone}
          </option>
        ))}
      </select>
    </label>
  );
}
