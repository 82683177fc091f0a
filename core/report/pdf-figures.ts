import { pdfFontMetrics } from './pdf-document';
import { printableText } from './pdf-text';
import type { PdfLayout } from './render-pdf';
import { lifecycleFigure, mapFigure, mapLegend, type Figure } from './figure-shapes';
import type { ReportModel } from './types';

/** Draw a figure into the layout at the text's left edge: its shapes and labels become one tagged Figure. */
function drawFigure(layout: PdfLayout, figure: Figure, left: number): void {
  const metrics = pdfFontMetrics().regular;
  layout.figure(figure.alt, figure.height, (page, block, top) => {
    for (const shape of figure.shapes) {
      if (shape.kind === 'text') {
        const grey = (shape.colour[0] + shape.colour[1] + shape.colour[2]) / 3;
        page.text(
          left + shape.x,
          top - shape.y,
          printableText(shape.text, metrics),
          'regular',
          shape.size,
          grey,
          block,
        );
      } else if (shape.kind === 'line')
        page.shape({
          ...shape,
          x1: left + shape.x1,
          x2: left + shape.x2,
          y1: top - shape.y1,
          y2: top - shape.y2,
          block,
        });
      else if (shape.kind === 'circle') page.shape({ ...shape, x: left + shape.x, y: top - shape.y, block });
      // pdf-lib draws rectangles up from their lower-left corner.
      else page.shape({ ...shape, x: left + shape.x, y: top - shape.y - shape.height, block });
    }
  });
}

/**
 * The findings' figures in report.pdf: the lifecycle of each token they involve and the map of their geolocated
 * records with its numbered legend, or a sentence saying there is nothing to draw.
 */
export function figuresSection(layout: PdfLayout, model: ReportModel, left: number, width: number): void {
  const { figures } = model;
  const lifecycle = lifecycleFigure(figures, width);
  layout.keep((lifecycle?.height ?? 0) + 30);
  layout.paragraph('Token lifecycles', { font: 'bold', size: 10, tag: 'H3' });
  if (lifecycle) drawFigure(layout, lifecycle, left);
  else layout.paragraph('No token of the reported findings has a time to draw.', { grey: 0.35 });
  if (figures.lifecyclesOmitted > 0)
    layout.paragraph(`${figures.lifecyclesOmitted} more token(s) are not drawn.`, { grey: 0.35, size: 8.5 });
  layout.gap(6);
  const map = mapFigure(figures, width);
  // The heading stays with its map.
  layout.keep((map?.height ?? 0) + 30);
  layout.paragraph('Map of geolocated records', { font: 'bold', size: 10, tag: 'H3' });
  if (!map) {
    layout.paragraph('No record of the reported findings was geolocated.', { grey: 0.35 });
    return;
  }
  drawFigure(layout, map, left);
  for (const line of mapLegend(figures)) layout.paragraph(line, { size: 7.5, indent: 10 });
}
