import { describe, expect, it } from 'vitest';
import { TIMELINE_DETECTORS } from '../../../../core/timeline';
import { notJudgedRemedy } from '../../../../renderer/findings/not-judged-remedy';

describe('notJudgedRemedy', () => {
  it('gives the geographic detectors the load-a-database action', () => {
    expect(notJudgedRemedy('impossible-travel').action).toBe('load-geolocation');
    expect(notJudgedRemedy('country-change').action).toBe('load-geolocation');
  });

  it('sends a missing minimum version to the parameters, a missing issuance log to the import', () => {
    expect(notJudgedRemedy('outdated-client').action).toBe('set-parameter');
    expect(notJudgedRemedy('token-never-issued')).toMatchObject({ action: 'add-evidence', label: 'Add evidence…' });
  });

  it('has a sentence and a labelled action for every detector', () => {
    for (const detector of TIMELINE_DETECTORS) {
      const remedy = notJudgedRemedy(detector.id);
      expect(remedy.text.length, detector.id).toBeGreaterThan(20);
      expect(remedy.action === undefined || remedy.label !== undefined, detector.id).toBe(true);
    }
  });
});
