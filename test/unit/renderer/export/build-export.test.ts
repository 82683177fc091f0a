import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { exportTimeline, timelineWriter, type ExportEvent } from '../../../../core/export';
import type { AuthEvent } from '../../../../core/sources';
import { buildExport, ExportCancelled } from '../../../../renderer/export/build-export';
import { exportDetail, exportFileName } from '../../../../renderer/export/export-scope';

const event = (line: number): ExportEvent => ({
  id: String(line),
  event: {
    ts: Date.parse('2026-05-01T10:00:00Z') + line,
    time: null,
    source: { file: 'a.log', sha256: 'a'.repeat(64), format: 'access-log', line },
    kind: 'use',
    subject: 'Zoë',
    tokenHashes: [],
    tokens: [],
    record: `line ${line}`,
  } satisfies AuthEvent,
});

describe('buildExport', () => {
  it('hashes exactly the bytes of the file it builds, UTF-8 encoded, and reports progress per chunk', async () => {
    const progress: number[] = [];
    const built = await buildExport(
      exportTimeline(timelineWriter('csv'), [event(1), event(2), event(3)], 1),
      'text/csv',
      new AbortController().signal,
      (written) => progress.push(written),
    );
    const bytes = Buffer.from(await built.file.arrayBuffer());
    expect(built.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(built.bytes).toBe(bytes.byteLength);
    expect(bytes.toString('utf8')).toContain('Zoë');
    expect(built.file.type).toBe('text/csv;charset=utf-8');
    expect(progress).toEqual([0, 1, 2, 3]);
    expect(built.written).toBe(3);
  });

  it('stops at the next chunk once cancelled, and reads no more rows', async () => {
    const controller = new AbortController();
    let read = 0;
    function* rows() {
      for (let line = 1; line <= 1000; line += 1) {
        read += 1;
        if (line === 5) controller.abort();
        yield event(line);
      }
    }
    await expect(
      buildExport(exportTimeline(timelineWriter('csv'), rows(), 1), 'text/csv', controller.signal, () => {}),
    ).rejects.toBeInstanceOf(ExportCancelled);
    expect(read).toBeLessThan(10);
  });
});

describe('export naming and journal detail', () => {
  it('names the file after the case, the format and the UTC time, in safe characters', () => {
    const at = Date.parse('2026-11-18T09:55:02.123Z');
    expect(exportFileName('Northwind — stolen session / "urgent"', 'timesketch', at)).toBe(
      'tokentrail-northwind-stolen-session-urgent-timesketch-20261118T095502Z.jsonl',
    );
    expect(exportFileName('東京', 'findings-csv', at)).toBe('tokentrail-case-findings-csv-20261118T095502Z.csv');
  });

  it('describes format, rows and the exact filter (times in ISO 8601)', () => {
    const scope = {
      caseId: 'c1',
      caseTitle: 'x',
      timelineFilter: { from: Date.parse('2026-05-01T10:00:00Z'), facets: { subject: 'alice' }, text: 'evil' },
      findingView: { filter: { severities: ['high' as const], id: '', origin: 'any' as const, text: '' }, shown: [] },
    };
    expect(exportDetail(scope, 'timesketch', 12, 3)).toBe(
      'timesketch: 12 event row(s), 3 untimed event(s) left out; filter {"timeline":{"facets":{"subject":"alice"},"from":"2026-05-01T10:00:00.000Z","text":"evil"}}',
    );
    expect(exportDetail(scope, 'findings-csv', 2, 0)).toBe(
      'findings-csv: 2 finding row(s); filter {"findingFilter":{"id":"","origin":"any","severities":["high"],"text":""},"timeline":{"facets":{"subject":"alice"},"from":"2026-05-01T10:00:00.000Z","text":"evil"}}',
    );
  });
});
