// Drag-and-drop of files, folders and zips onto a region; the dropped items become a selection.
import { useState, type DragEvent } from 'react';
import { selectionFromDroppedItems, takeDroppedItems } from '../host/dropped-files';
import type { PickedSelection } from '../host/host';

export function useFileDrop(onSelection: (selection: PickedSelection) => void, onError: (message: string) => void) {
  const [dragging, setDragging] = useState(false);
  const carriesFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');
  return {
    dragging,
    handlers: {
      onDragOver(event: DragEvent) {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      },
      onDragLeave(event: DragEvent) {
        // dragleave also fires when moving over a child; only leaving the region itself ends the drag.
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      },
      onDrop(event: DragEvent) {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        setDragging(false);
        const items = takeDroppedItems(event.dataTransfer);
        selectionFromDroppedItems(items).then(
          (selection) => selection && onSelection(selection),
          (error: unknown) =>
            onError(`Reading the dropped items failed: ${error instanceof Error ? error.message : String(error)}`),
        );
      },
    },
  };
}
