import type { z } from 'zod/mini';

/**
 * Who sent a message: an extension page at the top of its own tab or window, a content script in an allowed page's
 * top frame, or the dialog page (dialog.html) framed inside such a page (the Export and Sync dialogs, which the page
 * can neither read nor script).
 */
export type SenderKind = 'extension-page' | 'content-script' | 'dialog-frame';

export interface IntentSpec {
  /** The payload's schema: every payload is parsed with it on arrival. */
  input: z.ZodMiniType;
  /** Who may ask. */
  from: readonly SenderKind[];
  /** Needs the admin passphrase when one is set (connecting, removing, changing sync rules). */
  admin?: true;
}

declare const answers: unique symbol;
/** A declared intent: its spec, and (as a type only) what it answers. */
export type Declared<S extends IntentSpec, Output> = S & { readonly [answers]?: (output: Output) => void };
/** What a declared intent answers. */
export type AnswerOf<S> = S extends { readonly [answers]?: (output: infer O) => void } ? O : never;

/**
 * Declare an intent once: `name: intent<What it answers>()({ input, from, admin? })`. The protocol's types (what
 * `sendIntent` takes and returns) and the handler each intent needs in the service worker follow from it.
 */
export function intent<Output>() {
  return <const S extends IntentSpec>(spec: S): Declared<S, Output> => spec;
}
