// A drawn shape that acts on a click (a place on the map, a marker on a lifecycle lane) is a button to the keyboard
// and to a screen reader too: it takes the focus by Tab, has a name, and Enter or Space does what a click does.
import type { KeyboardEvent } from 'react';

/** The props that make an SVG element an accessible button doing `action`, named `label`. */
export function svgButtonProps(label: string, action: () => void) {
  return {
    role: 'button',
    tabIndex: 0,
    'aria-label': label,
    onClick: action,
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      action();
    },
  } as const;
}
