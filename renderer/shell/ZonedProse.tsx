// Finding prose shown in the investigator's time zone: each UTC instant the finding names is rewritten with
// formatInstant, and its <time> element keeps the instant as the finding wrote it (dateTime and tooltip), so what
// is on screen can always be traced back to the stored text. Text is made safe (safeText) like every evidence value.
import { splitProseTimes } from '../../core';
import { useApp } from './app-context';
import { safeText } from './format';
import { formatInstant } from './format-time';

export function ZonedProse({ text }: { readonly text: string }) {
  const { timeZone } = useApp();
  return (
    <>
      {splitProseTimes(text).map((part, index) =>
        part.kind === 'time' ? (
          <time key={index} dateTime={part.text} title={`${part.text} as the finding states it (UTC)`}>
            {formatInstant(part.ts, timeZone)}
          </time>
        ) : (
          safeText(part.text)
        ),
      )}
    </>
  );
}
