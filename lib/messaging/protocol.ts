import type { z } from 'zod';
import type { AnswerOf, IntentSpec } from './intent';
import { adminIntents } from './intents/admin';
import { connectionIntents } from './intents/connections';
import { dialogFrameIntents } from './intents/dialog-frame';
import { exportIntents } from './intents/export';
import { hiredListIntents } from './intents/hires';
import { jobIntents } from './intents/jobs';
import { recipeIntents } from './intents/recipes';
import { settingsIntents } from './intents/settings';
import { sourcingIntents } from './intents/sourcing';
import { teamIntents } from './intents/teams';
import type { Result } from './result';

/**
 * The one message protocol between extension contexts. Pages and content scripts ask for *intents*
 * ("connect Factorial HR with this key", "export candidate X"); only the service worker talks to APIs and the
 * key vault. Each domain declares its intents once, in `intents/<domain>.ts` (payload schema, who may send it,
 * what it answers); the protocol's types below and the handlers the worker must serve follow from that.
 */

export type { SenderKind, IntentSpec } from './intent';

export const Intents = {
  ...connectionIntents,
  ...jobIntents,
  ...exportIntents,
  ...settingsIntents,
  ...hiredListIntents,
  ...sourcingIntents,
  ...adminIntents,
  ...teamIntents,
  ...recipeIntents,
  ...dialogFrameIntents,
} as const satisfies Record<string, IntentSpec>;

export type IntentName = keyof typeof Intents;
/** What an intent answers when it succeeds. */
export type IntentAnswer<K extends IntentName> = AnswerOf<(typeof Intents)[K]>;
/** What an intent's payload is, as its sender gives it (before its schema's defaults and transforms). */
export type IntentInput<K extends IntentName> = z.input<(typeof Intents)[K]['input']>;

/** Each intent as a function type, for the messaging library's typed `sendMessage`. */
export type ProtocolMap = { [K in IntentName]: (input: IntentInput<K>) => Result<IntentAnswer<K>> };
