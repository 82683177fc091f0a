// The world's countries for the map, from Natural Earth 1:110m (world-atlas, public domain), bundled into the
// app as JSON: nothing is fetched, so the map works offline and from file://. Converted from TopoJSON once.
import type { Feature, FeatureCollection, MultiLineString } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json';

export interface WorldGeometry {
  readonly countries: FeatureCollection;
  /** Borders between countries, drawn once each (a mesh), not twice as two polygons' edges. */
  readonly borders: MultiLineString;
}

let cached: WorldGeometry | undefined;

export function worldGeometry(): WorldGeometry {
  if (!cached) {
    const topology = countries110m as unknown as Topology<{ countries: GeometryCollection }>;
    const countries = feature(topology, topology.objects.countries) as FeatureCollection | Feature;
    cached = {
      countries:
        countries.type === 'FeatureCollection' ? countries : { type: 'FeatureCollection', features: [countries] },
      borders: mesh(topology, topology.objects.countries, (a, b) => a !== b),
    };
  }
  return cached;
}
