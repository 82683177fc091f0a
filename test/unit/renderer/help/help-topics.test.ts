import { describe, expect, it } from 'vitest';
import { TOKEN_CHECKS } from '../../../../core/token';
import { TIMELINE_DETECTORS } from '../../../../core/timeline';
import { SOURCE_FORMATS } from '../../../../core/sources';
import { helpAnchor, helpHref, helpTopics } from '../../../../renderer/help/help-topics';

describe('helpTopics', () => {
  const topics = helpTopics();

  it('lists every check, detector and format of the registries', () => {
    expect(topics.filter((topic) => topic.kind === 'check').map((topic) => topic.id)).toEqual(
      TOKEN_CHECKS.map((check) => check.id),
    );
    expect(topics.filter((topic) => topic.kind === 'detector').map((topic) => topic.id)).toEqual(
      TIMELINE_DETECTORS.map((detector) => detector.id),
    );
    expect(topics.filter((topic) => topic.kind === 'format')).toHaveLength(SOURCE_FORMATS.length);
  });

  it('gives each detector parameter its label with its unit, its default and its help text', () => {
    const travel = topics.find((topic) => topic.id === 'impossible-travel')!;
    expect(travel.parameters.find((parameter) => parameter.name === 'maxSpeedKmh')).toEqual({
      name: 'maxSpeedKmh',
      label: 'Max speed (km/h)',
      defaultValue: '805',
      help: expect.stringContaining('km/h'),
    });
  });

  it('has one anchor per topic, and links by id', () => {
    expect(new Set(topics.map(helpAnchor)).size).toBe(topics.length);
    expect(helpHref('alg-none')).toBe('#/help/alg-none');
  });
});
