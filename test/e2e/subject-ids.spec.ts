// The People tab lists a case's subject ids from the last case analysis while it is current (gathered as it read the
// events) instead of reading every posting of the subject facet — seconds at 10M events — and the list is the facet's
// distinct values exactly; before a run, once the case changed, or past what a run keeps, the facet is read (issue 19).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { servePage, type ServedPage } from './page-bundle';

let served: ServedPage;

test.beforeAll(async () => {
  served = await servePage(path.join(path.dirname(fileURLToPath(import.meta.url)), 'pages/subject-ids.page.ts'));
});

test.afterAll(() => served?.close());

interface Listed {
  subjects: string[];
  truncated: boolean;
  from: string;
}

test('the subject list comes from the current case analysis, equal to the facet, and from the facet otherwise', async ({}, testInfo) => {
  testInfo.setTimeout(120_000);
  const result = await served.inFreshProfile(testInfo.project.use.launchOptions, (page) =>
    page.evaluate(() =>
      (
        globalThis as unknown as {
          runSubjectIdChecks(): Promise<{
            few: {
              definition: string[];
              beforeRun: Listed;
              all: Listed;
              firstFive: Listed;
              stored?: { first: string[]; complete: boolean };
            };
            withoutPostings: Listed;
            stale: Listed;
            many: {
              definition: string[];
              withinKept: Listed;
              beyondKept: Listed;
              storedCount?: number;
              storedComplete?: boolean;
            };
          }>;
        }
      ).runSubjectIdChecks(),
    ),
  );
  const { few, withoutPostings, stale, many } = result;
  expect(few.definition).toHaveLength(40);
  expect(few.beforeRun).toEqual({ subjects: few.definition, truncated: false, from: 'subject facet' });
  expect(few.stored).toEqual({ first: few.definition, complete: true });
  expect(few.all).toEqual({ subjects: few.definition, truncated: false, from: 'case analysis' });
  expect(few.firstFive).toEqual({ subjects: few.definition.slice(0, 5), truncated: true, from: 'case analysis' });
  expect(withoutPostings).toEqual(few.all);
  expect(stale).toEqual({ subjects: [], truncated: false, from: 'subject facet' });

  expect(many.definition).toHaveLength(5_300);
  expect([many.storedCount, many.storedComplete]).toEqual([5_000, false]);
  expect(many.withinKept).toEqual({
    subjects: many.definition.slice(0, 2_000),
    truncated: true,
    from: 'case analysis',
  });
  expect(many.beyondKept).toEqual({ subjects: many.definition, truncated: false, from: 'subject facet' });
});
