// The map's projection: Natural Earth over the whole world, or zoomed to the points with a margin around them
// (at least 20° each way, so a hop inside one country still shows the country's neighbours for orientation).
import { geoNaturalEarth1, type GeoProjection } from 'd3-geo';
import type { Feature, Polygon } from 'geojson';
import { largestOf, smallestOf } from '../../core';

const MIN_SPAN_DEGREES = 20;

function paddedBox(points: readonly { latitude: number; longitude: number }[]): Feature<Polygon> {
  const lats = points.map((point) => point.latitude);
  const lons = points.map((point) => point.longitude);
  const pad = (low: number, high: number, limit: number) => {
    const extra = Math.max(MIN_SPAN_DEGREES - (high - low), 0) / 2 + (high - low) * 0.15;
    return [Math.max(-limit, low - extra), Math.min(limit, high + extra)] as const;
  };
  const [south, north] = pad(smallestOf(lats), largestOf(lats), 85);
  const [west, east] = pad(smallestOf(lons), largestOf(lons), 180);
  // Counter-clockwise ring (d3-geo's winding for "the small side"), densified along the parallels.
  const ring: [number, number][] = [];
  for (let step = 0; step <= 8; step += 1) ring.push([west + ((east - west) * step) / 8, south]);
  for (let step = 8; step >= 0; step -= 1) ring.push([west + ((east - west) * step) / 8, north]);
  ring.push([west, south]);
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring.reverse()] } };
}

/** A projection fitted into width × height: to the points when there are any, else to the whole world. */
export function fitProjection(
  points: readonly { latitude: number; longitude: number }[],
  width: number,
  height: number,
): GeoProjection {
  const projection = geoNaturalEarth1();
  const margin = 12;
  if (points.length === 0)
    return projection.fitExtent(
      [
        [margin, margin],
        [width - margin, height - margin],
      ],
      { type: 'Sphere' },
    );
  return projection.fitExtent(
    [
      [margin, margin],
      [width - margin, height - margin],
    ],
    paddedBox(points),
  );
}
