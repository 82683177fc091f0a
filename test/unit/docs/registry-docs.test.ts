import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SOURCE_FORMATS } from '../../../core/sources';
import { TIMELINE_DETECTORS } from '../../../core/timeline';
import { TOKEN_CHECKS } from '../../../core/token';

// docs/checks.md and docs/detectors.md are the reference an investigator reads to learn what a finding id means, so
// every id the engine can raise must be documented there, and no documented id may be one the engine no longer has.

const readDoc = (name: string): string => readFileSync(new URL(`../../../docs/${name}`, import.meta.url), 'utf8');
const readme = (): string => readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

/** The number README.md states before `noun` (e.g. "37 token checks"), or undefined when it states none. */
function statedCount(markdown: string, noun: string): number | undefined {
  const match = new RegExp(`(\\d+) ${noun}`).exec(markdown);
  return match ? Number(match[1]) : undefined;
}

/** The first-column ids of every table whose header row starts with `| id |` (the layout of docs/checks.md). */
function idsInIdTables(markdown: string): string[] {
  const ids: string[] = [];
  let inIdTable = false;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      inIdTable = false;
      continue;
    }
    if (/^\|\s*id\s*\|/.test(line)) {
      inIdTable = true;
      continue;
    }
    const id = /^\|\s*`([a-z0-9-]+)`\s*\|/.exec(line)?.[1];
    if (inIdTable && id !== undefined) ids.push(id);
  }
  return ids;
}

/** The ids of the `### \`id\` — Title` headings (the layout of docs/detectors.md). */
function idsInHeadings(markdown: string): string[] {
  return [...markdown.matchAll(/^### `([a-z0-9-]+)`/gm)].map((match) => match[1]!);
}

/** An empty string when the documented ids are exactly the registry's, once each; otherwise what differs, by id. */
function differences(
  registryName: string,
  registryIds: readonly string[],
  docName: string,
  documentedIds: readonly string[],
): string {
  const documented = new Set(documentedIds);
  const registered = new Set(registryIds);
  const missing = registryIds.filter((id) => !documented.has(id));
  const extra = [...documented].filter((id) => !registered.has(id));
  const repeated = [...new Set(documentedIds.filter((id, index) => documentedIds.indexOf(id) !== index))];
  return [
    missing.length > 0 ? `in ${registryName} but not documented in docs/${docName}: ${missing.join(', ')}` : '',
    extra.length > 0 ? `documented in docs/${docName} but not in ${registryName}: ${extra.join(', ')}` : '',
    repeated.length > 0 ? `documented more than once in docs/${docName}: ${repeated.join(', ')}` : '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

describe('the reference docs list exactly the registries', () => {
  it('docs/checks.md documents every id of TOKEN_CHECKS and no other', () => {
    const registryIds = TOKEN_CHECKS.map((check) => check.id);
    expect(
      differences(
        'TOKEN_CHECKS (core/token/checks/registry.ts)',
        registryIds,
        'checks.md',
        idsInIdTables(readDoc('checks.md')),
      ),
    ).toBe('');
  });

  it('docs/detectors.md documents every id of TIMELINE_DETECTORS, in registry order, and no other', () => {
    const registryIds = TIMELINE_DETECTORS.map((detector) => detector.id);
    const documentedIds = idsInHeadings(readDoc('detectors.md'));
    expect(
      differences(
        'TIMELINE_DETECTORS (core/timeline/detectors/registry.ts)',
        registryIds,
        'detectors.md',
        documentedIds,
      ),
    ).toBe('');
    // The registry's comment promises the docs list the detectors in the order they run.
    expect(documentedIds).toEqual(registryIds);
  });

  it('README.md states how many checks, detectors and log formats there are', () => {
    const text = readme();
    expect(statedCount(text, 'token checks'), 'README.md: "<N> token checks"').toBe(TOKEN_CHECKS.length);
    expect(statedCount(text, 'incident detectors'), 'README.md: "<N> incident detectors"').toBe(
      TIMELINE_DETECTORS.length,
    );
    expect(statedCount(text, 'log formats'), 'README.md: "<N> log formats"').toBe(SOURCE_FORMATS.length);
  });

  it('names the missing and the extra ids when they drift', () => {
    expect(differences('R', ['a', 'b'], 'x.md', ['b', 'c', 'c'])).toBe(
      'in R but not documented in docs/x.md: a\ndocumented in docs/x.md but not in R: c\ndocumented more than once in docs/x.md: c',
    );
    expect(
      idsInIdTables('| id | severity |\n|---|---|\n| `alg-none` | critical |\n\n| parameter | default |\n| `x` | 1 |'),
    ).toEqual(['alg-none']);
  });
});
