// The "Export…" button of a view, opening the export dialog over the view's current filter.
import { useState } from 'react';
import type { ExportFormatName } from '../../core/export';
import { ExportDialog } from './ExportDialog';
import type { ExportScope } from './export-scope';

interface ExportButtonProps {
  readonly scope: ExportScope;
  readonly initialFormat: ExportFormatName;
  readonly testId: string;
}

export function ExportButton({ scope, initialFormat, testId }: ExportButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" data-testid={testId} onClick={() => setOpen(true)}>
        Export…
      </button>
      {open && <ExportDialog scope={scope} initialFormat={initialFormat} onClose={() => setOpen(false)} />}
    </>
  );
}
