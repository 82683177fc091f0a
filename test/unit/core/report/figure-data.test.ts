import { describe, expect, it } from 'vitest';
import { buildReport, recordKey, renderReportHtml, reportPlaces } from '../../../../core/report';
import { lifecycleFigure, mapFigure } from '../../../../core/report/figure-shapes';
import { HOSTILE, LOG_SHA, reportInput, TOKEN_HASH } from './report-fixture';

const GENERATED_AT = Date.UTC(2026, 11, 1, 10, 0, 0);
const source = { file: 'logs/api.log', sha256: LOG_SHA, line: 2 };

describe('the lifecycle and map figures', () => {
  it('draw the reported token from its claims and the findings’ records, and the geolocated records', () => {
    const places = reportPlaces([
      { source, geo: { latitude: 51.5, longitude: -0.09, city: HOSTILE, country: 'GB' } },
      { source: { ...source, line: 3 }, geo: { country: 'DE' } }, // no coordinates: not a place
    ]);
    expect([...places.keys()]).toEqual([recordKey(source)]);
    const input = reportInput();
    const tokens = new Map([
      [TOKEN_HASH, { ...input.tokens.get(TOKEN_HASH)!, claims: { iat: 1795035600, exp: 1795039200 } }],
    ]);
    const model = buildReport({ ...input, tokens, places }, { generatedAt: GENERATED_AT });
    expect(model.figures.lifecycles).toEqual([
      {
        token: TOKEN_HASH,
        issuedAt: '2026-11-18T21:00:00.000Z',
        expiresAt: '2026-11-18T22:00:00.000Z',
        events: [{ time: '2026-11-18T09:00:00.000Z', role: 'use', finding: 1 }],
      },
    ]);
    expect(model.figures.places).toEqual([
      { time: '2026-11-18T09:00:00.000Z', latitude: 51.5, longitude: -0.09, label: `${HOSTILE}, GB`, finding: 1 },
    ]);
    const map = mapFigure(model.figures, 400)!;
    // London on an equirectangular 400×200: x = (180 − 0.09) / 360 × 400, y = (90 − 51.5) / 180 × 200.
    expect(map.shapes).toContainEqual(expect.objectContaining({ kind: 'circle', x: 199.9, y: 42.78 }));
    expect(lifecycleFigure(model.figures, 400)!.alt).toContain('1 token(s)');
    // The place's name is evidence: escaped in the HTML figure legend and alt text.
    const html = renderReportHtml(model);
    expect(html).toContain('<h3>Map of geolocated records</h3><figure><svg');
    expect(html).not.toContain('<img src=x');
  });

  it('say so when there is nothing to draw', () => {
    const model = buildReport(reportInput(), { generatedAt: GENERATED_AT, findingKeys: [] });
    expect(model.figures).toEqual({ lifecycles: [], lifecyclesOmitted: 0, places: [], placesOmitted: 0 });
    expect(renderReportHtml(model)).toContain('No record of the reported findings was geolocated.');
  });
});
