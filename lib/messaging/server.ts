import { z } from 'zod/mini';
import zodEn from 'zod/v4/locales/en.js';
import zodEs from 'zod/v4/locales/es.js';
import { currentLanguage, loadTexts } from '../i18n';
import { t } from './messages';
import { isPublicError, publicMessageOf, toFailure } from '../errors';
import { logUnexpected } from '../activity';
import type { IntentAnswer, IntentName, IntentPayload, IntentSpec, IntentTable, SenderKind } from './protocol';
import { fail, ok, type Result } from './result';

// The schemas' own messages follow the UI's language; zod's generic ones (a rule with no message of ours) too.
const zodLocales = { en: zodEn().localeError, es: zodEs().localeError };
z.config({ localeError: (issue) => zodLocales[currentLanguage()](issue) });

type Sender = { id?: string; url?: string; tab?: { id?: number; url?: string }; frameId?: number; origin?: string };

/** The one extension page that may be framed inside web pages (web_accessible_resources, see wxt.config.ts). */
export const DIALOG_FRAME_PATH = '/dialog.html';

export interface SenderPolicy {
  /** This extension's id. */
  extensionId: string;
  /** Origin of extension pages, e.g. chrome-extension://<id> */
  extensionOrigin: string;
  /** Whether a content script on this page URL may ask for intents (an enabled ATS host). */
  isAllowedPage(url: URL, tabId?: number): boolean;
  /** Throws (a PublicError) when this admin intent may not run right now (passphrase locked, a recruiter's browser). */
  requireAdmin?(intent: IntentName): Promise<void>;
  /**
   * Resolves once what isAllowedPage depends on is loaded (e.g. the switched-off adapters, after a worker restart).
   * Messages from other senders than extension pages wait for it.
   */
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
    // Extension pages in iframes inside web pages are only trusted at the top of their own frame tree…
    if (sender.frameId === undefined || sender.frameId === 0) return 'extension-page';
    // …except the dialog page, framed by the content script inside a page it may run on (the tab's own URL decides,
    // as for that content script). It gets only the dialogs' intents.
    if (url.pathname !== DIALOG_FRAME_PATH || typeof sender.frameId !== 'number' || sender.frameId < 1 || typeof sender.tab?.id !== 'number') return null;
    let top: URL;
    try {
      top = new URL(String(sender.tab.url));
    } catch {
      return null;
    }
    return (top.protocol === 'https:' || top.protocol === 'http:') && policy.isAllowedPage(top, sender.tab.id) ? 'dialog-frame' : null;
  }
  if ((url.protocol === 'https:' || url.protocol === 'http:') && sender.tab && sender.frameId === 0 && policy.isAllowedPage(url, sender.tab.id)) {
    return 'content-script';
  }
  return null;
}

/** What the worker does for one intent: it gets the parsed payload and returns the answer, or throws. */
export type IntentHandler<K extends IntentName> = (
  input: IntentPayload<K>,
  ctx: { sender: SenderKind; tabId?: number; frameId?: number; pageUrl?: string },
) => Promise<IntentAnswer<K>>;
/** One handler for every declared intent: a declared intent without one (or one for no intent) does not compile. */
export type IntentHandlers = { [K in IntentName]: IntentHandler<K> };
/** A feature's part of that table (its `lib/<feature>/handlers.ts`): a handler for each intent it declares. */
export type HandlersFor<Intents> = { [K in keyof Intents & IntentName]: IntentHandler<K> };

/** Serve every intent of the table with its handler (entrypoints/background.ts gathers each feature's handlers). */
export function serveIntents(intents: IntentTable, policy: () => SenderPolicy, handlers: IntentHandlers): () => void {
  const stops = (Object.keys(intents) as IntentName[]).map((name) => serveIntent(name, intents[name], policy, handlers[name]));
  return () => stops.forEach((stop) => stop());
}

/**
 * Serve one intent: check the sender, parse the payload, run the handler, and turn any thrown error into a
 * plain failure (a PublicError's own words and code; anything else a generic sentence: never a stack, never a key).
 */
function serveIntent<K extends IntentName>(name: K, spec: IntentSpec, policy: () => SenderPolicy, handler: IntentHandler<K>) {
  return onIntentMessage(name, async (message): Promise<Result<unknown>> => {
    // Every answer may carry words (an error, a status): in a Spanish browser, not before the Spanish texts are in.
    await loadTexts();
    const current = policy();
    // An extension page is known by its origin alone: it need not wait for what page checks depend on (the
    // switched-off adapters and granted hosts, read at every worker start), so the options page's first answers
    // do not queue behind those reads. Anything else is classified once they are loaded.
    let sender = classifySender(message.sender, current);
    if (sender !== 'extension-page') {
      await current.ready;
      sender = classifySender(message.sender, current);
    }
    if (!sender || !spec.from.includes(sender)) {
      return fail('forbidden', t('forbidden'));
    }
    const parsed = spec.input.safeParse(message.data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail('invalid-input', issue?.message ?? t('invalid'), issue?.path.join('.') || undefined);
    }
    try {
      if (spec.admin && current.requireAdmin) {
        try {
          await current.requireAdmin(name);
        } catch (error) {
          if (!isPublicError(error)) await logUnexpected('intent', name, error);
          return fail('locked', publicMessageOf(error, t('internal')));
        }
      }
      return ok(
        await handler(parsed.data as never, {
          sender,
          tabId: message.sender.tab?.id,
          frameId: message.sender.frameId,
          pageUrl: sender === 'content-script' ? message.sender.url : undefined,
        }),
      );
    } catch (error) {
      // A bug or an unforeseen failure: its stack is logged before the sender gets the generic words.
      if (!isPublicError(error)) await logUnexpected('intent', name, error);
      return { ok: false, error: toFailure(error, INTERNAL()) };
    }
  });
}

const INTERNAL = () => ({ code: 'internal', message: t('internal') });

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
  inFlight++;
  listener({ data: (message as { data?: unknown }).data, sender })
    .then(
      (res) => sendResponse({ res }),
      async (error: unknown) => {
        if (!isPublicError(error)) await logUnexpected('intent', String(type), error);
        sendResponse({ res: { ok: false, error: toFailure(error, INTERNAL()) } });
      },
    )
    .finally(() => {
      // The last answer of the start is on its way: the catch-up work may run now (next task, after the reply).
      if (--inFlight === 0 && startWork) setTimeout(runStartWork, 0);
    });
  return true;
}

/**
 * Start-up catch-up work that no answer needs (resuming the outbox, re-creating alarms, following the badge): it
 * waits until the worker has answered what it was asked while it started, so that a page opened with the browser
 * (the options page's first open) gets its answers from a database that is not busy with it. A worker that nobody
 * asks (woken by an alarm) runs it after START_WORK_GRACE_MS. Listeners are not start work: they are registered at
 * once, at the top of the worker. Measured (bench options-first-open, fresh profile): the outbox, pull, badge and
 * alarm reads queued at the database's first open ahead of the page's listConnections.
 */
export function afterStartAnswers(work: () => unknown): void {
  if (!startWork) {
    void work();
    return;
  }
  startWork.push(work);
  startWorkTimer ??= setTimeout(runStartWork, START_WORK_GRACE_MS);
}

/** How long start work waits for the worker's first answers when no message comes. */
export const START_WORK_GRACE_MS = 1_000;
let inFlight = 0;
let startWork: (() => unknown)[] | null = [];
let startWorkTimer: ReturnType<typeof setTimeout> | undefined;

let startWorkStarted: () => void;
/** Settles once the start work has been started (each piece then runs on its own). */
export const startWorkBegun = new Promise<void>((resolve) => (startWorkStarted = resolve));

let startWorkDue = false;
function runStartWork(): void {
  if (!startWork || startWorkDue) return;
  startWorkDue = true;
  clearTimeout(startWorkTimer);
  // The start work writes activity entries, operations' errors and the badge's title: in the browser's language, so
  // after the texts (at once in English). Work added meanwhile joins it.
  void loadTexts().then(() => {
    const works = startWork ?? [];
    startWork = null;
    // Each on its own: one that throws does not keep the others from running.
    for (const work of works) void Promise.resolve().then(work);
    startWorkStarted();
  });
}
