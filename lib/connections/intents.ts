import { z } from 'zod/mini';
import { intent, type IntentSpec } from '../messaging/intent';
import { FACTORIAL_ENVIRONMENTS, KOMBO_ENVIRONMENTS } from '../connectors/environments';
import { says, t } from '../messaging/intents/messages';
import type { Provider } from './records';
import { DIRECT_ATS_CARDS, directAtsCard } from '../connectors/cards';
import { DIRECT_ATS_PROVIDERS, type DirectAtsProvider } from '../connectors/direct';

/** Intents of the options page's integration cards: connect, check, list and remove connections. */

/** Each provider's name as people read it (kept in choices.ts, which the options page's first paint loads). */
export { PROVIDER_NAMES } from './choices';
/** The direct ATSs the ATS card offers, with what each asks (the options page reads them here, not in the connectors). */
export { DIRECT_ATS_CARDS, directAtsCard };
/** The providers are the stored connection's (one list): a name missing above, or one too many, does not compile. */
export type { Provider };

// ---- Shared field rules (also used by forms for field-by-field messages) ----

export const ApiKeyInput = z
  .string(says('apiKeyMissing'))
  .check(
    z.trim(),
    z.minLength(1, { ...says('apiKeyMissing'), abort: true }),
    z.regex(/^\S+$/, { ...says('apiKeySpaces'), abort: true }),
    z.minLength(8, { ...says('apiKeyShort'), abort: true }),
    z.maxLength(512, { ...says('apiKeyLong'), abort: true }),
  );

/** https anywhere; plain http only on this machine (a local proxy or the sandbox). */
export const BaseUrlInput = z.pipe(
  z
    .string(says('baseUrlMissing'))
    .check(z.trim(), z.minLength(1, { ...says('baseUrlMissing'), abort: true }), z.maxLength(2048, { ...says('baseUrlLong'), abort: true })),
  z.transform((value, ctx) => {
    // zod/mini's transform has no ctx.addIssue (classic zod adds it): its issues go straight on ctx.issues, as addIssue put them.
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.issues.push({ code: 'custom', message: t('baseUrlInvalid'), input: value });
      return z.NEVER;
    }
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
      ctx.issues.push({ code: 'custom', message: t('baseUrlHttps'), input: value });
      return z.NEVER;
    }
    if (url.username || url.password || url.search || url.hash) {
      ctx.issues.push({ code: 'custom', message: t('baseUrlExtras'), input: value });
      return z.NEVER;
    }
    return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  }),
);

export const IntegrationIdInput = z
  .string(says('integrationIdMissing'))
  .check(
    z.trim(),
    z.minLength(1, { ...says('integrationIdMissing'), abort: true }),
    z.maxLength(256, { ...says('integrationIdLong'), abort: true }),
    z.regex(/^[a-z0-9_-]+:\S+$/i, says('integrationIdFormat')),
  );

export const FactorialEnvironmentInput = z.enum(FACTORIAL_ENVIRONMENTS);
export const KomboEnvironmentInput = z.enum(KOMBO_ENVIRONMENTS);

const withCustomBaseUrl = <T extends { environment: string; baseUrl?: string }>(value: T, ctx: z.core.$RefinementCtx) => {
  if (value.environment === 'custom' && !value.baseUrl) {
    ctx.addIssue({ code: 'custom', path: ['baseUrl'], message: t('baseUrlMissing') });
  }
};

export const ConnectInput = z.discriminatedUnion('provider', [
  z
    .object({
      provider: z.literal('factorial-hr'),
      environment: FactorialEnvironmentInput,
      baseUrl: z.optional(BaseUrlInput),
      apiKey: ApiKeyInput,
    })
    .check(z.superRefine(withCustomBaseUrl)),
  z
    .object({
      provider: z.literal('factorial-ats'),
      environment: FactorialEnvironmentInput,
      baseUrl: z.optional(BaseUrlInput),
      apiKey: ApiKeyInput,
    })
    .check(z.superRefine(withCustomBaseUrl)),
  z
    .object({
      provider: z.literal('kombo'),
      environment: KomboEnvironmentInput,
      baseUrl: z.optional(BaseUrlInput),
      apiKey: ApiKeyInput,
      integrationId: IntegrationIdInput,
    })
    .check(z.superRefine(withCustomBaseUrl)),
  // A direct ATS: its secret in `apiKey` (the form's field errors stay on one name), its account field in `accountId`,
  // each checked by the rules and labels its card declares (lib/connectors/<vendor>/card.ts).
  z
    .object({
      provider: z.enum(DIRECT_ATS_PROVIDERS),
      environment: z.string().check(z.trim(), z.minLength(1)),
      baseUrl: z.optional(BaseUrlInput),
      apiKey: z.string().check(z.trim()),
      accountId: z.optional(z.string().check(z.trim())),
    })
    .check(
      z.superRefine((value, ctx) => {
        const card = directAtsCard(value.provider)!;
        if (value.environment !== 'custom' && !card.environments.some((e) => e.value === value.environment)) {
          ctx.addIssue({ code: 'custom', path: ['environment'], message: t('directEnvironment', { vendor: card.name }) });
        }
        withCustomBaseUrl(value, ctx);
        for (const field of card.fields) {
          const path = field.key === 'secret' ? 'apiKey' : 'accountId';
          const entered = (field.key === 'secret' ? value.apiKey : value.accountId) ?? '';
          const problem = !entered
            ? t('directFieldMissing', { field: field.label })
            : /\s/.test(entered)
              ? t('directFieldSpaces', { field: field.label })
              : entered.length > 512
                ? t('directFieldLong', { field: field.label })
                : field.check?.(entered);
          if (problem) ctx.addIssue({ code: 'custom', path: [path], message: problem });
        }
      }),
    ),
]);
export type ConnectInput = z.infer<typeof ConnectInput>;

export const SlotInput = z.enum(['hr', 'ats']);
export type SlotInput = z.infer<typeof SlotInput>;

// ---- What the UI gets back: never a key, only its last four characters, masked. ----

export interface ConnectionView {
  slot: 'hr' | 'ats';
  provider: Provider;
  environment: string;
  baseUrl: string;
  integrationId?: string;
  /** A direct ATS's account field (Greenhouse client ID, Workable subdomain, Recruitee company ID). */
  accountId?: string;
  tool?: string;
  /** The connected ATS as people name it ("Greenhouse"; behind Kombo, from its tool id). */
  toolName?: string;
  accountLabel?: string;
  /** e.g. "••••1234" */
  maskedKey: string;
  connectedAt: string;
  lastCheckAt: string;
  lastCheckOk: boolean;
  lastCheckMessage?: string;
  /** Set up by a team setup file or the organisation's policy. */
  origin?: 'file' | 'policy';
}

export const connectionIntents = {
  listConnections: intent<ConnectionView[]>()({ input: z.undefined(), from: ['extension-page'] }),
  connect: intent<ConnectionView>()({ input: ConnectInput, from: ['extension-page'], admin: true }),
  checkConnection: intent<ConnectionView>()({ input: SlotInput, from: ['extension-page'], admin: true }),
  removeConnection: intent<null>()({ input: SlotInput, from: ['extension-page'], admin: true }),
} as const satisfies Record<string, IntentSpec>;

type ConnectionIntents = typeof connectionIntents;
declare module '../messaging/protocol' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface IntentRegistry extends ConnectionIntents {}
}
