// The map itself, drawn as SVG: countries (Natural Earth 1:110m), the places of the events numbered in time
// order, and the hops between consecutive places as great-circle arcs, the impossible ones in red with their
// distance and speed. Hops and places the timeline filter drops are drawn faint (class `outside`). Only drawing
// here; what is a hop, which are impossible and which the filter keeps comes from renderer/map.
import { geoPath } from 'd3-geo';
import { useMemo } from 'react';
import { fitProjection } from './map-projection';
import type { MapHop, MapPlace } from './map-hops';
import { worldGeometry } from './world-geometry';
import { svgButtonProps } from '../shell/svg-button';
import { plural } from '../shell/format';

const WIDTH = 960;
const HEIGHT = 500;

interface WorldMapProps {
  readonly places: readonly MapPlace[];
  readonly hops: readonly MapHop[];
  readonly onOpenEvent: (seq: number) => void;
}

const kilometres = (km: number) => `${Math.round(km).toLocaleString('en-US')} km`;
export const speedText = (kmh: number) =>
  Number.isFinite(kmh) ? `${Math.round(kmh).toLocaleString('en-US')} km/h` : 'same instant';

export function WorldMap({ places, hops, onOpenEvent }: WorldMapProps) {
  const world = worldGeometry();
  const projection = useMemo(() => fitProjection(places, WIDTH, HEIGHT), [places]);
  const path = geoPath(projection);
  const at = (longitude: number, latitude: number) => projection([longitude, latitude]) ?? [0, 0];
  return (
    <svg
      className="world-map"
      data-testid="world-map"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="group"
      aria-label="Map of the events' locations and the hops between them"
    >
      <defs>
        <clipPath id="map-frame">
          <rect width={WIDTH} height={HEIGHT} />
        </clipPath>
        <marker
          id="hop-arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="5"
          markerHeight="5"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" fill="#1f5fbf" />
        </marker>
        <marker
          id="hop-arrow-red"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="5"
          markerHeight="5"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" fill="#c62828" />
        </marker>
      </defs>
      <g clipPath="url(#map-frame)">
        <rect width={WIDTH} height={HEIGHT} className="map-sea" />
        <path d={path({ type: 'Sphere' }) ?? ''} className="map-sphere" />
        <path d={path(world.countries) ?? ''} className="map-land" />
        <path d={path(world.borders) ?? ''} className="map-borders" />
        {hops.map((hop, index) => (
          <path
            key={`hop-${index}`}
            d={
              path({
                type: 'LineString',
                coordinates: [
                  [hop.from.longitude, hop.from.latitude],
                  [hop.to.longitude, hop.to.latitude],
                ],
              }) ?? ''
            }
            className={`map-hop${hop.impossible ? ' impossible' : ''}${hop.matches ? '' : ' outside'}`}
            markerEnd={hop.impossible ? 'url(#hop-arrow-red)' : 'url(#hop-arrow)'}
            data-testid="map-hop"
            data-impossible={hop.impossible}
            data-in-filter={hop.matches}
          >
            <title>{`${hop.from.where} → ${hop.to.where}: ${kilometres(hop.km)}, ${speedText(hop.speedKmh)}${hop.matches ? '' : ' (outside the timeline filters)'}`}</title>
          </path>
        ))}
        {places.map((place) => {
          const [x, y] = at(place.longitude, place.latitude);
          const order = place.order.length > 3 ? `${place.order[0]}…${place.order.at(-1)}` : place.order.join(', ');
          return (
            <g
              key={`${place.latitude},${place.longitude}`}
              transform={`translate(${x},${y})`}
              className={`map-place${place.excluded ? ' excluded' : ''}${place.matches ? '' : ' outside'}`}
              data-testid="map-place"
              data-in-filter={place.matches}
              {...svgButtonProps(`${order} · ${place.label}: open its first event`, () =>
                onOpenEvent(place.events[0]!.seq),
              )}
            >
              <circle r={5 + Math.min(6, Math.log2(place.events.length))} />
              <text
                x={x > WIDTH * 0.7 ? -10 : 10}
                y={4}
                textAnchor={x > WIDTH * 0.7 ? 'end' : 'start'}
                className="map-label"
              >
                {order} · {place.label}
              </text>
              <title>{`${place.label}: ${plural(place.events.length, 'event')}${place.excluded ? ' (excluded range)' : ''}${place.matches ? '' : ' (outside the timeline filters)'}`}</title>
            </g>
          );
        })}
        {hops
          .filter((hop) => hop.impossible)
          .map((hop, index) => {
            const [x1, y1] = at(hop.from.longitude, hop.from.latitude);
            const [x2, y2] = at(hop.to.longitude, hop.to.latitude);
            return (
              <text
                key={`label-${index}`}
                x={(x1 + x2) / 2}
                y={(y1 + y2) / 2 - 8}
                className={hop.matches ? 'map-hop-label' : 'map-hop-label outside'}
                textAnchor="middle"
                data-testid="map-hop-label"
                data-in-filter={hop.matches}
              >
                {kilometres(hop.km)} · {speedText(hop.speedKmh)}
              </text>
            );
          })}
      </g>
    </svg>
  );
}
