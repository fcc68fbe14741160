import { useEffect, useId, useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface DialogProps {
  title: string;
  /** Esc, the backdrop and 取消 call this: closing is always "cancel", never the action. */
  onClose: () => void;
  children: ReactNode;
  /** data-testid of the dialog box */
  testId?: string;
  /** Element to focus first (else the first field or button). */
  initialFocus?: string;
}

/**
 * A modal dialog: role=dialog with aria-modal, labelled by its title; focus moves into it, Tab and Shift+Tab stay
 * inside, Esc or a click on the backdrop closes it (= cancel), and focus returns to where it was.
 */
export function Dialog({ title, onClose, children, testId, initialFocus }: DialogProps) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const el = box.current;
    const first = (initialFocus ? el?.querySelector<HTMLElement>(initialFocus) : null) ?? el?.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? el)?.focus();
    return () => before?.focus?.();
    // focus once, when it opens
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close.current();
      return;
    }
    if (e.key !== 'Tab' || !box.current) return;
    const items = Array.from(box.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    if (items.length === 0) {
      e.preventDefault();
      return;
    }
    const first = items[0];
    const last = items[items.length - 1];
    const active = document.activeElement;
    if (e.shiftKey && (active === first || active === box.current)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close.current()} data-testid="dialog-backdrop">
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        ref={box}
        onKeyDown={onKeyDown}
        data-testid={testId}
      >
        <h2 className="dialog-title" id={titleId}>
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}

interface ConfirmDialogProps {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  danger?: boolean;
  testId?: string;
}

/** A yes/no question instead of window.confirm: 取消 (or Esc) does nothing. */
export function ConfirmDialog({ title, message, confirmLabel, onConfirm, onCancel, busy, danger, testId }: ConfirmDialogProps) {
  return (
    <Dialog title={title} onClose={onCancel} testId={testId ?? 'confirm-dialog'}>
      <div className="dialog-body">{message}</div>
      <div className="dialog-actions">
        <button type="button" className="btn btn-ghost" onClick={onCancel} data-testid="dialog-cancel">
          取消
        </button>
        <button type="button" className={danger ? 'btn btn-primary danger' : 'btn btn-primary'} disabled={busy} onClick={onConfirm} data-testid="dialog-confirm">
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
