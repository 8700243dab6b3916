import { z } from 'zod';
import zodEn from 'zod/v4/locales/en.js';
import zodEs from 'zod/v4/locales/es.js';
import { currentLanguage } from '../i18n';
import { t } from './messages';
import { Intents, type IntentName, type ProtocolMap, type SenderKind } from './protocol';
import { fail, type Result } from './result';

// The schemas' own messages follow the UI's language; zod's generic ones (a rule with no message of ours) too.
const zodLocales = { en: zodEn().localeError, es: zodEs().localeError };
z.config({ localeError: (issue) => zodLocales[currentLanguage()](issue) });

type Sender = { id?: string; url?: string; tab?: { id?: number }; frameId?: number; origin?: string };

export interface SenderPolicy {
  /** This extension's id. */
  extensionId: string;
  /** Origin of extension pages, e.g. chrome-extension://<id> */
  extensionOrigin: string;
  /** Whether a content script on this page URL may ask for intents (an enabled ATS host). */
  isAllowedPage(url: URL, tabId?: number): boolean;
  /** Throws (a PublicError) when this admin intent may not run right now (passphrase locked, a recruiter's browser). */
  requireAdmin?(intent: IntentName): Promise<void>;
  /** Resolves once what isAllowedPage depends on is loaded (e.g. the switched-off adapters, after a worker restart). */
  ready?: Promise<unknown>;
}

/** Who sent a message, or null when nobody we trust did. */
export function classifySender(sender: Sender, policy: SenderPolicy): SenderKind | null {
  if (!sender || sender.id !== policy.extensionId || typeof sender.url !== 'string') return null;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  // Not url.origin: it is "null" for non-special schemes such as chrome-extension: in some URL implementations.
  if (`${url.protocol}//${url.host}` === policy.extensionOrigin) {
    // Extension pages in iframes inside web pages are only trusted at the top of their own frame tree.
    return sender.frameId === undefined || sender.frameId === 0 ? 'extension-page' : null;
  }
  if ((url.protocol === 'https:' || url.protocol === 'http:') && sender.tab && sender.frameId === 0 && policy.isAllowedPage(url, sender.tab.id)) {
    return 'content-script';
  }
  return null;
}

type Handler<K extends IntentName> = (
  input: z.output<(typeof Intents)[K]['input']>,
  ctx: { sender: SenderKind; tabId?: number; pageUrl?: string },
) => Promise<ReturnType<ProtocolMap[K]>>;

/**
 * Serve one intent: check the sender, parse the payload, run the handler, and turn any thrown error into a
 * plain failure (never a stack, never a key).
 */
export function serveIntent<K extends IntentName>(name: K, policy: () => SenderPolicy, handler: Handler<K>) {
  const spec = Intents[name];
  return onIntentMessage(name, async (message): Promise<Result<unknown>> => {
    const current = policy();
    await current.ready;
    const sender = classifySender(message.sender, current);
    if (!sender || !(spec.from as readonly SenderKind[]).includes(sender)) {
      return fail('forbidden', t('forbidden'));
    }
    const parsed = spec.input.safeParse(message.data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail('invalid-input', issue?.message ?? t('invalid'), issue?.path.join('.') || undefined);
    }
    try {
      if ((spec as { admin?: true }).admin && current.requireAdmin) {
        try {
          await current.requireAdmin(name);
        } catch (error) {
          return fail('locked', publicMessage(error));
        }
      }
      return await handler(parsed.data as never, {
        sender,
        tabId: message.sender.tab?.id,
        pageUrl: sender === 'content-script' ? message.sender.url : undefined,
      });
    } catch (error) {
      return fail('internal', publicMessage(error));
    }
  });
}

type IntentListener = (message: { data: unknown; sender: Sender }) => Promise<Result<unknown>>;
const intentListeners = new Map<string, IntentListener>();

/**
 * The worker's one `runtime.onMessage` listener, speaking @webext-core/messaging's wire format (the pages' side,
 * `sendIntent`, is that library): `{ type, data, ... }` in, `{ res }` out. Served here rather than through the
 * library's `onMessage`, whose listener table is a plain object: a message typed "constructor" or "hasOwnProperty"
 * reached Object.prototype's functions and was answered (with the message echoed back, or an error and its stack).
 * Only the intents registered here, looked up in a Map, are answered; anything else gets no answer at all.
 */
function onIntentMessage(name: IntentName, listener: IntentListener): () => void {
  if (intentListeners.has(name)) throw new Error(`The intent ${name} is served twice.`);
  if (intentListeners.size === 0) browser.runtime.onMessage.addListener(dispatchIntent as never);
  intentListeners.set(name, listener);
  return () => {
    intentListeners.delete(name);
    if (intentListeners.size === 0) browser.runtime.onMessage.removeListener(dispatchIntent as never);
  };
}

function dispatchIntent(message: unknown, sender: Sender, sendResponse: (response: { res: Result<unknown> }) => void): boolean {
  const type = message !== null && typeof message === 'object' ? (message as { type?: unknown }).type : undefined;
  const listener = typeof type === 'string' ? intentListeners.get(type) : undefined;
  if (!listener) return false;
  listener({ data: (message as { data?: unknown }).data, sender }).then(
    (res) => sendResponse({ res }),
    (error: unknown) => sendResponse({ res: fail('internal', publicMessage(error)) }),
  );
  return true;
}

/** Messages we wrote ourselves are safe to show; anything else becomes a generic sentence. */
function publicMessage(error: unknown): string {
  if (error && typeof error === 'object' && 'publicMessage' in error && typeof error.publicMessage === 'string') {
    return error.publicMessage;
  }
  if (error && typeof error === 'object' && (error as { name?: string }).name === 'ConnectorError') {
    return (error as Error).message;
  }
  return t('internal');
}
