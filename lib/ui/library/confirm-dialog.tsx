import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';

export interface ConfirmRequest {
  message: string;
  confirmLabel: string;
  onConfirm(): void | Promise<void>;
  /**
   * Where the focus goes once the action succeeded, when it may take the element that opened the
   * dialog with it (a deleted page's row). Otherwise the focus goes back to that element.
   */
  focusAfter?(): HTMLElement | null | undefined;
}

/** What a failed action says: the error's name and message, as text. */
export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message ? `${e.name}: ${e.message}` : e.name;
  return String(e);
}

/**
 * An in-page modal (<dialog> with showModal: focus stays inside, Esc cancels) instead of window.confirm,
 * which blocks the page and cannot be styled or translated. Cancel has the focus, so Enter is harmless.
 *
 * The dialog stays open while the action runs and closes once it succeeded. If it fails (a delete the
 * database refuses), the error is shown in the dialog and the buttons come back, so the user can try
 * again or cancel; a rejection is never left unhandled, and a second click cannot start it twice.
 *
 * Closing it puts the focus back where it was (Preact removes the <dialog> rather than letting
 * close() restore it, which left keyboard users on <body>), or where `focusAfter` says after a success.
 */
export function ConfirmDialog({ request, onClose }: { request: ConfirmRequest; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const succeeded = useRef(false);
  useEffect(() => {
    const el = dialog.current;
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    if (el && !el.open) el.showModal();
    cancel.current?.focus();
    return () => {
      el?.close();
      const target = (succeeded.current && request.focusAfter?.()) || opener;
      if (target?.isConnected) target.focus();
    };
  }, []);
  // A disabled button loses the focus: give it back to Cancel once the buttons are enabled again.
  useEffect(() => {
    if (!working && error !== null) cancel.current?.focus();
  }, [working, error]);
  const confirm = async () => {
    if (working) return;
    setWorking(true);
    setError(null);
    try {
      await request.onConfirm();
    } catch (e) {
      setError(errorText(e));
      setWorking(false);
      return;
    }
    succeeded.current = true;
    onClose();
  };
  return (
    <dialog
      ref={dialog}
      class="confirm"
      aria-labelledby="confirm-message"
      aria-busy={working}
      data-testid="confirm-dialog"
      onCancel={(e) => {
        e.preventDefault();
        // Esc while the action runs would hide its outcome.
        if (!working) onClose();
      }}
    >
      <p id="confirm-message">{request.message}</p>
      {error !== null && (
        <p class="notice error" role="alert" data-testid="confirm-error">
          {t('confirmFailed', error)}
        </p>
      )}
      <div class="actions">
        <button type="button" ref={cancel} onClick={onClose} disabled={working} data-testid="confirm-cancel">
          {t('libraryCancel')}
        </button>
        <button type="button" class="danger" data-testid="confirm-ok" disabled={working} onClick={() => void confirm()}>
          {request.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
