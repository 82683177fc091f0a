// Events over time, from the case's stored bucket counts. Drag across it to narrow the timeline to that span
// (the histogram then shows that span, so dragging again zooms further); "All time" undoes it.
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState, type PointerEvent } from 'react';
import { timelineHistogram } from './queries';
import { useApp } from '../shell/app-context';
import { formatInstant } from '../shell/format-time';

const BARS = 120;
const HEIGHT = 72;

interface HistogramProps {
  readonly caseId: string;
  readonly from: number;
  readonly to: number;
  /** Changes when events are added, so the bars follow a running ingest. */
  readonly eventCount: number;
  readonly onSelect: (from: number, to: number) => void;
}

export function Histogram({ caseId, from, to, eventCount, onSelect }: HistogramProps) {
  const { timeZone } = useApp();
  const histogram = useLiveQuery(() => timelineHistogram(caseId, from, to, BARS), [caseId, from, to, eventCount]);
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ start: number; end: number }>();

  const fraction = (event: PointerEvent) => {
    const box = svg.current!.getBoundingClientRect();
    return Math.max(0, Math.min(1, (event.clientX - box.left) / box.width));
  };
  const timeAt = (share: number) => Math.round(from + share * (to - from));

  const onPointerUp = () => {
    if (!drag) return;
    const [start, end] = [Math.min(drag.start, drag.end), Math.max(drag.start, drag.end)];
    setDrag(undefined);
    if (end - start > 0.003) onSelect(timeAt(start), timeAt(end));
  };

  const counts = histogram?.counts ?? [];
  const barWidth = counts.length > 0 ? 1000 / counts.length : 0;
  return (
    <div className="histogram" data-testid="histogram">
      <svg
        ref={svg}
        viewBox={`0 0 1000 ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label="Events over time; drag to select a time range"
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          const share = fraction(event);
          setDrag({ start: share, end: share });
        }}
        onPointerMove={(event) => drag && setDrag({ ...drag, end: fraction(event) })}
        onPointerUp={onPointerUp}
      >
        {counts.map((count, index) =>
          count === 0 ? null : (
            <rect
              key={index}
              x={index * barWidth + barWidth * 0.1}
              width={barWidth * 0.8}
              y={HEIGHT - Math.max(1.5, (count / (histogram?.max || 1)) * (HEIGHT - 4))}
              height={Math.max(1.5, (count / (histogram?.max || 1)) * (HEIGHT - 4))}
              className="histogram-bar"
            >
              <title>{`${count} events from ${formatInstant(from + index * (histogram?.barWidth ?? 0), timeZone)}`}</title>
            </rect>
          ),
        )}
        {drag && (
          <rect
            x={Math.min(drag.start, drag.end) * 1000}
            width={Math.abs(drag.end - drag.start) * 1000}
            y={0}
            height={HEIGHT}
            className="histogram-brush"
          />
        )}
      </svg>
      <div className="histogram-axis mono small muted">
        <span data-testid="histogram-from">{formatInstant(from, timeZone)}</span>
        <span>
          {histogram ? `${histogram.counts.length} bars of ${Math.round(histogram.barWidth / 60_000)} min` : ''}
        </span>
        <span data-testid="histogram-to">{formatInstant(to, timeZone)}</span>
      </div>
    </div>
  );
}
