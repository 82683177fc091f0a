import { escapeHtml } from './html-escape';
import { lifecycleFigure, mapFigure, mapLegend, type Figure, type FigureColour } from './figure-shapes';
import type { ReportModel } from './types';

const colour = ([red, green, blue]: FigureColour): string =>
  `rgb(${Math.round(red * 255)},${Math.round(green * 255)},${Math.round(blue * 255)})`;

/** A figure as inline SVG (no script, no external reference): the same shapes report.pdf draws. */
function svgOf(figure: Figure, caption: string): string {
  const body = figure.shapes
    .map((shape) => {
      switch (shape.kind) {
        case 'line':
          return `<line x1="${shape.x1}" y1="${shape.y1}" x2="${shape.x2}" y2="${shape.y2}" stroke="${colour(shape.colour)}" stroke-width="${shape.width}"/>`;
        case 'circle':
          return `<circle cx="${shape.x}" cy="${shape.y}" r="${shape.radius}" fill="${colour(shape.colour)}"/>`;
        case 'rect':
          return shape.stroke
            ? `<rect x="${shape.x}" y="${shape.y}" width="${shape.width}" height="${shape.height}" fill="none" stroke="${colour(shape.colour)}" stroke-width="0.5"/>`
            : `<rect x="${shape.x}" y="${shape.y}" width="${shape.width}" height="${shape.height}" fill="${colour(shape.colour)}"/>`;
        case 'text':
          return `<text x="${shape.x}" y="${shape.y}" font-size="${shape.size}" fill="${colour(shape.colour)}">${escapeHtml(shape.text)}</text>`;
      }
    })
    .join('');
  return `<figure><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${figure.width} ${figure.height}" width="${figure.width * 1.4}" role="img" aria-label="${escapeHtml(figure.alt)}">${body}</svg><figcaption class="muted">${escapeHtml(caption)}</figcaption></figure>`;
}

/** The lifecycle and map figures of report.html, with the map's legend, or what there is not to draw. */
export function findingFiguresHtml(model: ReportModel): string {
  const { figures } = model;
  const lifecycle = lifecycleFigure(figures, 495);
  const map = mapFigure(figures, 495);
  const lifecycleHtml = lifecycle
    ? svgOf(
        lifecycle,
        `Token lifecycles: validity from iat to exp and the findings' records of each token.${figures.lifecyclesOmitted > 0 ? ` ${figures.lifecyclesOmitted} more token(s) are not drawn.` : ''}`,
      )
    : '<p class="muted">No token of the reported findings has a time to draw.</p>';
  const mapHtml = map
    ? `${svgOf(map, 'Geolocated records of the findings, numbered in time order (equirectangular; grey dots are country centres).')}<ol class="mono">${mapLegend(
        figures,
      )
        .slice(0, figures.places.length)
        .map((line) => `<li>${escapeHtml(line.replace(/^\d+\. /, ''))}</li>`)
        .join(
          '',
        )}</ol>${figures.placesOmitted > 0 ? `<p class="muted">${figures.placesOmitted} more geolocated record(s) are not drawn.</p>` : ''}`
    : '<p class="muted">No record of the reported findings was geolocated.</p>';
  return `<h3>Token lifecycles</h3>${lifecycleHtml}<h3>Map of geolocated records</h3>${mapHtml}`;
}
