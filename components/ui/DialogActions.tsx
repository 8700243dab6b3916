import { useId, type ReactNode } from 'react';

/**
 * The foot of the Export and Sync dialogs: the submit error, what the form still needs, the dialog's own buttons
 * (given the id of that "still needed" text, for the primary button's aria-describedby), then Close or Cancel.
 */
export function DialogActions(props: { error?: string | null; needs?: string; closeLabel: string; onClose(): void; children(needsId: string | undefined): ReactNode }) {
  const needsId = useId();
  return (
    <>
      {props.error && (
        <p className="notice err" role="alert">
          {props.error}
        </p>
      )}
      <div className="actions">
        {props.needs && (
          <span id={needsId} className="needs">
            {props.needs}
          </span>
        )}
        {props.children(props.needs ? needsId : undefined)}
        <button type="button" onClick={props.onClose}>
          {props.closeLabel}
        </button>
      </div>
    </>
  );
}
