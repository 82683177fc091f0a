// Where a link in a note leads: the item's own view, focused on it where the view can focus one (a token, an event,
// a finding); a key opens the Tokens tab, where keys are shown with the tokens they verify, and a file the Evidence
// tab.
import type { AnnotationTarget } from '../../core/annotations';
import { eventFocus, routeHash, type CaseTab } from '../shell/route';

/** The location hash of the view a note link opens. */
export function noteLinkHash(caseId: string, target: AnnotationTarget): string {
  const at = (tab: CaseTab, focus?: string) => routeHash({ view: 'case', caseId, tab, ...(focus ? { focus } : {}) });
  switch (target.kind) {
    case 'token':
      return at('tokens', target.id);
    case 'event':
      return /^\d+$/.test(target.id) ? at('timeline', eventFocus(Number(target.id))) : at('timeline');
    case 'finding':
      return at('findings', target.id);
    case 'key':
      return at('tokens');
    case 'file':
      return at('evidence');
  }
}
