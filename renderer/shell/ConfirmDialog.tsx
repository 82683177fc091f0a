// Asks before anything irreversible. The safe choice (Cancel) has the focus.
import type { ReactNode } from 'react';
import { Dialog } from './Dialog';

interface ConfirmDialogProps {
  readonly title: string;
  readonly confirmLabel: string;
  readonly children: ReactNode;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

export function ConfirmDialog({ title, confirmLabel, children, onConfirm, onCancel }: ConfirmDialogProps) {
  return (
    <Dialog title={title} testId="confirm-dialog" onClose={onCancel}>
      <div className="dialog-body">{children}</div>
      <div className="dialog-actions">
        <button type="button" data-testid="confirm-cancel" autoFocus onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="danger" data-testid="confirm-accept" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
