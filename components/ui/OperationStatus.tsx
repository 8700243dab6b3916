import { useEffect, useState, type ReactNode } from 'react';
import { formatDateTime } from '@/lib/i18n';
import { sendIntent } from '@/lib/messaging/client';
import type { IntentAnswer } from '@/lib/messaging/protocol';

/**
 * A durable operation as a dialog shows it (Export to FactorialHR, Sync to ATS): the hook follows it while it is
 * queued or sending, and the status block says where it stands, the same way in both dialogs.
 */

type ProgressIntent = 'exportProgress' | 'syncProgress';
interface OperationProgress {
  operationId: string;
  state: 'queued' | 'sending' | 'done' | 'needs-attention';
  message?: string;
  nextAttemptAt?: string;
}

const settled = (progress: OperationProgress | null) => !progress || progress.state === 'done' || progress.state === 'needs-attention';

/** The operation's progress (set it from the submit's answer); polled once a second until it settles. */
export function useOperationProgress<K extends ProgressIntent>(intent: K) {
  const [progress, setProgress] = useState<IntentAnswer<K> | null>(null);
  useEffect(() => {
    if (!progress || settled(progress)) return;
    const timer = setInterval(() => {
      // Both progress intents take an operation id and answer a progress (the cast only drops the generic).
      sendIntent(intent as ProgressIntent as 'exportProgress', progress.operationId)
        .then((result) => result.ok && setProgress(result.value as IntentAnswer<K>))
        // Unanswered (the worker restarting): the progress shown stays, and the next second's poll asks again.
        .catch(() => undefined);
    }, 1000);
    return () => clearInterval(timer);
  }, [intent, progress]);
  return [progress, setProgress] as const;
}

export interface OperationStatusText {
  /** What went wrong, with the operation's message. */
  failed(message: string): string;
  /** Waiting for a retry at `time`, because of `reason`. */
  waitingRetry(reason: string, time: string): string;
  /** The vendor's reason when it gave none. */
  busy: string;
  sending: string;
}

type Vars = Record<string, string>;
/** A dialog's words for its status, from its own messages: `waitingRetry`, `busy`, `sending` and its failure's key. */
export function statusText<F extends string>(t: (key: F | 'waitingRetry' | 'busy' | 'sending', vars?: Vars) => string, failedKey: F): OperationStatusText {
  return {
    failed: (message) => t(failedKey, { message }),
    waitingRetry: (reason, time) => t('waitingRetry', { reason, time }),
    get busy() {
      return t('busy');
    },
    get sending() {
      return t('sending');
    },
  };
}

/** Where the operation stands: `done` is the dialog's own success block; the rest reads the same everywhere. */
export function OperationStatus({ progress, done, text }: { progress: OperationProgress | null; done: ReactNode; text: OperationStatusText }) {
  if (!progress) return null;
  if (progress.state === 'done') return <>{done}</>;
  if (progress.state === 'needs-attention') {
    return (
      <p className="notice err" role="alert">
        {text.failed(progress.message ?? '')}
      </p>
    );
  }
  const when = progress.nextAttemptAt ? formatDateTime(progress.nextAttemptAt, 'time') : undefined;
  return (
    <p className="notice warn" role="status">
      {when ? text.waitingRetry(progress.message ?? text.busy, when) : text.sending}
    </p>
  );
}
