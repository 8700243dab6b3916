import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from './protocol';

// No logger: payloads can carry an API key on its way to the vault, and must never reach a console line.
export const messenger = defineExtensionMessaging<ProtocolMap>({ logger: undefined });

/** Ask the service worker for an intent. */
export const sendIntent = messenger.sendMessage;

/**
 * How long a page waits for the worker before it says so and asks again. The worker answers page questions in
 * milliseconds; a message that reached a worker being stopped at that moment may never be answered, and asking
 * again starts a fresh worker.
 */
export const PAGE_PATIENCE_MS = 8_000;

/**
 * Ask, and keep asking while nobody answers: `onLate` runs each time `patienceMs` passes without an answer (the page
 * shows that it is waiting) and the question is sent again; the first answer wins. Rejects when sending fails
 * outright (no worker to reach, the extension reloaded) or after `maxAsks` questions went unanswered.
 */
export function askUntilAnswered<T>(ask: () => Promise<T>, onLate: (asked: number) => void, patienceMs = PAGE_PATIENCE_MS, maxAsks = 6): Promise<T> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let asked = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const send = () => {
      asked++;
      ask().then(
        (value) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          reject(error);
        },
      );
      timer = setTimeout(() => {
        if (settled) return;
        onLate(asked);
        if (asked < maxAsks) return send();
        settled = true;
        reject(new Error('The background service did not answer.'));
      }, patienceMs * Math.min(asked, 3));
    };
    send();
  });
}
