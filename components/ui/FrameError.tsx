import { useEffect, useRef } from 'react';
import { currentLanguage } from '@/lib/i18n';
import { dialogKeyHandler } from './dialog-keyboard';
import { t } from './frame-messages';

/** A framed dialog that could not be opened (its request is gone, a worker restarted meanwhile): says so, closes. */
export function FrameError({ message, onClose }: { message?: string; onClose(): void }) {
  const dialogRef = useRef<HTMLDivElement>(null);
  useEffect(() => dialogRef.current?.querySelector('button')?.focus(), []);
  return (
    <div className="backdrop" lang={currentLanguage()} onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog" role="dialog" aria-modal="true" aria-label={t('frameTitle')} ref={dialogRef} onKeyDown={dialogKeyHandler(dialogRef, onClose)}>
        <p className="notice err" role="alert">
          {message ?? t('notOpened')}
        </p>
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('close')}
          </button>
        </div>
      </div>
    </div>
  );
}
