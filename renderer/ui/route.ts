// The current view lives in location.hash (#/case/<id>/tokens), so a reload returns to the same place and
// works from file:// where there is no server to route paths.
import { useCallback, useEffect, useState } from 'react';

export type CaseTab = 'evidence' | 'tokens';
export type Route = { readonly view: 'cases' } | { readonly view: 'case'; readonly caseId: string; readonly tab: CaseTab };

export function parseRoute(hash: string): Route {
  const [, view, caseId, tab] = hash.replace(/^#/, '').split('/');
  if (view === 'case' && caseId) return { view: 'case', caseId, tab: tab === 'tokens' ? 'tokens' : 'evidence' };
  return { view: 'cases' };
}

export function routeHash(route: Route): string {
  return route.view === 'case' ? `#/case/${route.caseId}/${route.tab}` : '#/cases';
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
