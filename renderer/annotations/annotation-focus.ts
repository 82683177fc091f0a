// How a list's annotation keys reach the annotation panel of the selected item: the list names the item and the
// command (star, tag, note) and the panel showing that item carries it out. The panel may not be mounted yet (the
// timeline opens an event's detail on the key), so the latest request waits until a panel for its item mounts.
import { useEffect, useRef } from 'react';

export type AnnotationCommand = 'star' | 'tag' | 'note';

const EVENT_NAME = 'tokentrail:annotation-command';
let pending: { readonly target: string; readonly command: AnnotationCommand } | undefined;

/** Asks the panel of `target` (a targetKey) to star it, or to focus its tag picker or its note. */
export function requestAnnotationCommand(target: string, command: AnnotationCommand): void {
  pending = { target, command };
  window.dispatchEvent(new Event(EVENT_NAME));
}

/** Runs `handle` for every request naming `target`, including one made just before the panel mounted. */
export function useAnnotationCommands(target: string, handle: (command: AnnotationCommand) => void): void {
  const latest = useRef(handle);
  latest.current = handle;
  useEffect(() => {
    const take = () => {
      if (pending?.target !== target) return;
      const { command } = pending;
      pending = undefined;
      latest.current(command);
    };
    take();
    window.addEventListener(EVENT_NAME, take);
    return () => window.removeEventListener(EVENT_NAME, take);
  }, [target]);
}
