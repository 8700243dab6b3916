import type { z } from 'zod/mini';
import type { AnswerOf, IntentSpec } from './intent';
import type { Result } from './result';

/**
 * The one message protocol between extension contexts. Pages and content scripts ask for *intents*
 * ("connect Factorial HR with this key", "export candidate X"); only the service worker talks to APIs and the
 * key vault. Each feature declares its intents once, in its own `lib/<feature>/intents.ts` (payload schema, who may
 * send it, what it answers), and adds them to `IntentRegistry` there; the protocol's types below and the handlers
 * the worker must serve follow from that. This file knows no feature: the worker's table of every intent is
 * composed in entrypoints/background.ts.
 */

export type { SenderKind, IntentSpec } from './intent';

/**
 * Every declared intent, by name. Empty here: each feature's intents file adds its table with
 * `declare module '../messaging/protocol' { interface IntentRegistry extends MyIntents {} }`; two features declaring
 * the same name do not compile.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface IntentRegistry {}

export type IntentName = keyof IntentRegistry & string;
/** The table of every intent, as the worker serves it (composed in entrypoints/background.ts). */
export type IntentTable = { readonly [K in IntentName]: IntentRegistry[K] };
/** What an intent answers when it succeeds. */
export type IntentAnswer<K extends IntentName> = AnswerOf<IntentRegistry[K]>;
/** What an intent's payload is, as its sender gives it (before its schema's defaults and transforms). */
export type IntentInput<K extends IntentName> = IntentRegistry[K] extends IntentSpec ? z.input<IntentRegistry[K]['input']> : never;
/** What an intent's handler gets: the payload after its schema's defaults and transforms. */
export type IntentPayload<K extends IntentName> = IntentRegistry[K] extends IntentSpec ? z.output<IntentRegistry[K]['input']> : never;

/** Each intent as a function type, for the messaging library's typed `sendMessage`. */
export type ProtocolMap = { [K in IntentName]: (input: IntentInput<K>) => Result<IntentAnswer<K>> };
