import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../i18n';

export interface ConfirmRequest {
  message: string;
  confirmLabel: string;
  onConfirm(): void | Promise<void>;
}

/**
 * An in-page modal (<dialog> with showModal: focus stays inside, Esc cancels) instead of window.confirm,
 * which blocks the page and cannot be styled or translated. Cancel has the focus, so Enter is harmless.
 */
export function ConfirmDialog({ request, onClose }: { request: ConfirmRequest; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    cancel.current?.focus();
    return () => el?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      class="confirm"
      aria-labelledby="confirm-message"
      data-testid="confirm-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <p id="confirm-message">{request.message}</p>
      <div class="actions">
        <button type="button" ref={cancel} onClick={onClose} data-testid="confirm-cancel">
          {t('libraryCancel')}
        </button>
        <button
          type="button"
          class="danger"
          data-testid="confirm-ok"
          onClick={async () => {
            onClose();
            await request.onConfirm();
          }}
        >
          {request.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
