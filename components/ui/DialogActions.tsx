import type { ReactNode } from 'react';

/**
 * The foot of the Export and Sync dialogs: the submit error, what the form still needs (the primary button is
 * described by it), the dialog's own buttons, then Close (once finished) or Cancel.
 */
export function DialogActions(props: { error?: string | null; needs?: string; needsId: string; closeLabel: string; onClose(): void; children?: ReactNode }) {
  return (
    <>
      {props.error && (
        <p className="notice err" role="alert">
          {props.error}
        </p>
      )}
      <div className="actions">
        {props.needs && (
          <span id={props.needsId} className="needs">
            {props.needs}
          </span>
        )}
        {props.children}
        <button type="button" onClick={props.onClose}>
          {props.closeLabel}
        </button>
      </div>
    </>
  );
}
