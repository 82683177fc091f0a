import { allCountryCentroids } from '../geo/country-centroids';
import type { ReportFigures } from './types';
import { largestOf, smallestOf } from '../util/extremes';

/**
 * The lifecycle and map figures as plain vector shapes in a box (origin top left, y down, points), drawn the same
 * way into report.html (SVG) and report.pdf (pdf-lib operators): one geometry, two renderers, no map data or network —
 * the map is an equirectangular graticule with the country centres as a faint hint of land.
 */

/** An RGB colour, each part 0–1. */
export type FigureColour = readonly [number, number, number];

export type FigureShape =
  | {
      readonly kind: 'line';
      readonly x1: number;
      readonly y1: number;
      readonly x2: number;
      readonly y2: number;
      readonly width: number;
      readonly colour: FigureColour;
    }
  | {
      readonly kind: 'circle';
      readonly x: number;
      readonly y: number;
      readonly radius: number;
      readonly colour: FigureColour;
    }
  | {
      readonly kind: 'rect';
      readonly x: number;
      readonly y: number;
      readonly width: number;
      readonly height: number;
      readonly colour: FigureColour;
      readonly stroke?: boolean;
    }
  | {
      readonly kind: 'text';
      readonly x: number;
      readonly y: number;
      readonly text: string;
      readonly size: number;
      readonly colour: FigureColour;
    };

/** A figure: its size, its shapes, and the sentence that stands in for it (alternate text). */
export interface Figure {
  readonly width: number;
  readonly height: number;
  readonly shapes: readonly FigureShape[];
  readonly alt: string;
}

const GREY: FigureColour = [0.55, 0.55, 0.55];
const LIGHT: FigureColour = [0.88, 0.88, 0.88];
const INK: FigureColour = [0.15, 0.15, 0.15];
/** Colours for roles, in order of first appearance (issue, use, from, to…), distinguishable in print. */
const PALETTE: readonly FigureColour[] = [
  [0.04, 0.41, 0.85],
  [0.81, 0.13, 0.18],
  [0.6, 0.4, 0],
  [0.1, 0.55, 0.25],
  [0.5, 0.25, 0.65],
  [0.2, 0.2, 0.2],
];

/** Points rounded to hundredths: the same numbers in every host, and short operators. */
const round = (value: number): number => Math.round(value * 100) / 100;

const epoch = (iso: string | null): number | undefined => (iso === null ? undefined : Date.parse(iso));

/**
 * Each token a row: a grey bar from `iat` to `exp` (the time it was valid), the findings' records of it as dots
 * coloured by role, on one time axis for all rows with its first and last time printed under it.
 */
export function lifecycleFigure(figures: ReportFigures, width: number): Figure | undefined {
  const rows = figures.lifecycles;
  if (rows.length === 0) return undefined;
  const times = rows
    .flatMap((row) => [epoch(row.issuedAt), epoch(row.expiresAt), ...row.events.map((event) => Date.parse(event.time))])
    .filter((time): time is number => time !== undefined);
  const start = smallestOf(times);
  const end = Math.max(largestOf(times), start + 1000);
  const labelWidth = 92;
  const plot = width - labelWidth - 10;
  const x = (time: number) => round(labelWidth + ((time - start) / (end - start)) * plot);
  const rowHeight = 16;
  const roles = [...new Set(rows.flatMap((row) => row.events.map((event) => event.role)))];
  const colourOf = (role: string) => PALETTE[roles.indexOf(role) % PALETTE.length]!;
  const shapes: FigureShape[] = [];
  rows.forEach((row, index) => {
    const y = 8 + index * rowHeight;
    shapes.push({ kind: 'text', x: 0, y: y + 4, text: `token ${row.token.slice(0, 12)}`, size: 7, colour: INK });
    const from = epoch(row.issuedAt) ?? Date.parse(row.events[0]?.time ?? '');
    const to = epoch(row.expiresAt) ?? Date.parse(row.events.at(-1)?.time ?? '');
    if (Number.isFinite(from) && Number.isFinite(to))
      shapes.push({
        kind: 'rect',
        x: x(from),
        y: y - 3,
        width: Math.max(1, round(x(to) - x(from))),
        height: 6,
        colour: LIGHT,
      });
    for (const event of row.events)
      shapes.push({ kind: 'circle', x: x(Date.parse(event.time)), y, radius: 2.6, colour: colourOf(event.role) });
  });
  const axis = 8 + rows.length * rowHeight;
  shapes.push({ kind: 'line', x1: labelWidth, y1: axis, x2: labelWidth + plot, y2: axis, width: 0.5, colour: GREY });
  shapes.push({
    kind: 'text',
    x: labelWidth,
    y: axis + 10,
    text: new Date(start).toISOString(),
    size: 6.5,
    colour: INK,
  });
  shapes.push({
    kind: 'text',
    x: labelWidth + plot - 88,
    y: axis + 10,
    text: new Date(end).toISOString(),
    size: 6.5,
    colour: INK,
  });
  roles.forEach((role, index) => {
    const lx = labelWidth + index * 80;
    shapes.push({ kind: 'circle', x: lx + 3, y: axis + 21, radius: 2.6, colour: colourOf(role) });
    shapes.push({ kind: 'text', x: lx + 9, y: axis + 24, text: role, size: 7, colour: INK });
  });
  shapes.push({ kind: 'rect', x: labelWidth + roles.length * 80, y: axis + 18, width: 12, height: 6, colour: LIGHT });
  shapes.push({
    kind: 'text',
    x: labelWidth + roles.length * 80 + 16,
    y: axis + 24,
    text: 'valid (iat to exp)',
    size: 7,
    colour: INK,
  });
  return {
    width,
    height: axis + 30,
    shapes,
    alt: `Token lifecycles: ${rows.length} token(s) from ${new Date(start).toISOString()} to ${new Date(end).toISOString()}, each with its validity from iat to exp and the findings' records of it by role (${roles.join(', ') || 'none'}).`,
  };
}

/**
 * The findings' geolocated records on an equirectangular world (longitude −180…180 left to right, latitude 90…−90
 * top to bottom): a 30° graticule, the country centres as faint dots, each place a numbered red dot, and a line from
 * each place to the next in time (the path the records travelled).
 */
export function mapFigure(figures: ReportFigures, width: number): Figure | undefined {
  const points = figures.places;
  if (points.length === 0) return undefined;
  const height = round(width / 2);
  const x = (longitude: number) => round(((longitude + 180) / 360) * width);
  const y = (latitude: number) => round(((90 - latitude) / 180) * height);
  const shapes: FigureShape[] = [{ kind: 'rect', x: 0, y: 0, width, height, colour: GREY, stroke: true }];
  for (let longitude = -150; longitude < 180; longitude += 30)
    shapes.push({ kind: 'line', x1: x(longitude), y1: 0, x2: x(longitude), y2: height, width: 0.3, colour: LIGHT });
  for (let latitude = -60; latitude <= 60; latitude += 30)
    shapes.push({ kind: 'line', x1: 0, y1: y(latitude), x2: width, y2: y(latitude), width: 0.3, colour: LIGHT });
  for (const centre of allCountryCentroids())
    // Squares, not circles: one short operator each instead of four curves (some 250 of them).
    shapes.push({
      kind: 'rect',
      x: round(x(centre.longitude) - 0.8),
      y: round(y(centre.latitude) - 0.8),
      width: 1.6,
      height: 1.6,
      colour: [0.78, 0.78, 0.78],
    });
  for (let index = 1; index < points.length; index += 1) {
    const [a, b] = [points[index - 1]!, points[index]!];
    shapes.push({
      kind: 'line',
      x1: x(a.longitude),
      y1: y(a.latitude),
      x2: x(b.longitude),
      y2: y(b.latitude),
      width: 0.6,
      colour: GREY,
    });
  }
  points.forEach((point, index) => {
    shapes.push({
      kind: 'circle',
      x: x(point.longitude),
      y: y(point.latitude),
      radius: 2.4,
      colour: [0.81, 0.13, 0.18],
    });
    shapes.push({
      kind: 'text',
      x: x(point.longitude) + 3,
      y: y(point.latitude) - 3,
      text: String(index + 1),
      size: 6.5,
      colour: INK,
    });
  });
  const named = [...new Set(points.map((point) => point.label))];
  return {
    width,
    height,
    shapes,
    alt: `Map of ${points.length} geolocated record(s) of the findings, in time order, at: ${named.join('; ')}.`,
  };
}

/** The legend lines under the map: number, time, place and finding of each point. */
export function mapLegend(figures: ReportFigures): string[] {
  const lines = figures.places.map(
    (place, index) =>
      `${index + 1}. ${place.time ?? 'no time'} - ${place.label}${place.precision === 'country' ? ' (country centre)' : ''} - finding ${place.finding}`,
  );
  if (figures.placesOmitted > 0) lines.push(`${figures.placesOmitted} more geolocated record(s) are not drawn.`);
  return lines;
}
