// The current view lives in location.hash (#/case/<id>/overview, #/case/<id>/tokens), so a reload returns to the same place and
// works from file:// where there is no server to route paths. A case route may name one thing to focus:
// #/case/<id>/tokens/<tokenHash> selects that token, #/case/<id>/timeline/<tokenHash> shows its events,
// #/case/<id>/timeline/event:<seq> opens one event in place, #/case/<id>/findings/<key> opens a finding,
// #/case/<id>/lifecycle/<tokenHash> draws a token's life, #/case/<id>/map/<facet>:<value> maps a token, subject
// or session, #/case/<id>/people/<subject> opens one person's page, #/case/<id>/apis/<api key> one API's verification profile. #/verify-report is the Verify a report view
// (no case, no investigator needed).
import { useCallback, useEffect, useState } from 'react';

export type CaseTab =
  | 'overview'
  | 'evidence'
  | 'tokens'
  | 'timeline'
  | 'findings'
  | 'lifecycle'
  | 'map'
  | 'people'
  | 'apis'
  | 'journal'
  | 'exercise';
export type Route =
  | { readonly view: 'cases' }
  | { readonly view: 'verify-report' }
  /** The in-app help (renderer/help): checks, detectors and formats; `topic` scrolls to one (`alg-none`). */
  | { readonly view: 'help'; readonly topic?: string }
  | { readonly view: 'case'; readonly caseId: string; readonly tab: CaseTab; readonly focus?: string };

const TABS: readonly CaseTab[] = [
  'overview',
  'evidence',
  'tokens',
  'timeline',
  'findings',
  'lifecycle',
  'map',
  'people',
  'apis',
  'journal',
  'exercise',
];

export function parseRoute(hash: string): Route {
  const [, view, caseId, tab, focus] = hash.replace(/^#/, '').split('/');
  if (view === 'verify-report') return { view: 'verify-report' };
  if (view === 'help') return caseId ? { view: 'help', topic: decodeURIComponent(caseId) } : { view: 'help' };
  if (view !== 'case' || !caseId) return { view: 'cases' };
  const known = TABS.find((candidate) => candidate === tab);
  // A case opens on its overview: what happened first, the files behind it one click away.
  if (!known) return { view: 'case', caseId, tab: 'overview' };
  return focus && known !== 'evidence' && known !== 'overview'
    ? { view: 'case', caseId, tab: known, focus: decodeURIComponent(focus) }
    : { view: 'case', caseId, tab: known };
}

export function routeHash(route: Route): string {
  if (route.view === 'verify-report') return '#/verify-report';
  if (route.view === 'help') return route.topic ? `#/help/${encodeURIComponent(route.topic)}` : '#/help';
  if (route.view !== 'case') return '#/cases';
  const focus = route.focus ? `/${encodeURIComponent(route.focus)}` : '';
  return `#/case/${route.caseId}/${route.tab}${focus}`;
}

/** The current route and a function to go elsewhere. */
export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: Route) => {
    location.hash = routeHash(next);
  }, []);
  return [route, navigate];
}

/** The timeline focus that opens one stored event (by its seq) in place, instead of filtering to a token. */
export function eventFocus(seq: number): string {
  return `event:${seq}`;
}

/** The seq of an event focus, or undefined for a token focus (a bare token hash). */
export function focusedEventSeq(focus: string | undefined): number | undefined {
  const match = /^event:(\d+)$/.exec(focus ?? '');
  return match ? Number(match[1]) : undefined;
}
