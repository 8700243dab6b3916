import { z } from 'zod';
import type { Result } from '../result';

/** Intents of the options page's integration cards: connect, check, list and remove connections. */

// ---- Shared field rules (also used by forms for field-by-field messages) ----

export const ApiKeyInput = z
  .string({ error: 'Paste the API key.' })
  .trim()
  .min(1, { error: 'Paste the API key.', abort: true })
  .regex(/^\S+$/, { error: 'The API key cannot contain spaces or line breaks.', abort: true })
  .min(8, { error: 'This API key looks too short. Make sure it was copied completely.', abort: true })
  .max(512, { error: 'This API key looks too long. Paste only the key.', abort: true });

/** https anywhere; plain http only on this machine (a local proxy or the sandbox). */
export const BaseUrlInput = z
  .string({ error: 'Enter the base URL.' })
  .trim()
  .min(1, { error: 'Enter the base URL.', abort: true })
  .max(2048, { error: 'The base URL is too long.', abort: true })
  .transform((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Enter a full URL, like https://proxy.example.com.' });
      return z.NEVER;
    }
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
      ctx.addIssue({ code: 'custom', message: 'The base URL must start with https:// (http:// only for this computer).' });
      return z.NEVER;
    }
    if (url.username || url.password || url.search || url.hash) {
      ctx.addIssue({ code: 'custom', message: 'The base URL cannot contain credentials, a query or a fragment.' });
      return z.NEVER;
    }
    return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  });

export const IntegrationIdInput = z
  .string({ error: 'Enter the Kombo integration ID.' })
  .trim()
  .min(1, { error: 'Enter the Kombo integration ID.', abort: true })
  .max(256, { error: 'The integration ID is too long.', abort: true })
  .regex(/^[a-z0-9_-]+:\S+$/i, 'The integration ID looks like "greenhouse:8d1h…" (tool name, colon, id).');

export const FactorialEnvironmentInput = z.enum(['production', 'demo', 'custom']);
export const KomboEnvironmentInput = z.enum(['eu', 'us', 'custom']);

const withCustomBaseUrl = <T extends { environment: string; baseUrl?: string }>(value: T, ctx: z.RefinementCtx) => {
  if (value.environment === 'custom' && !value.baseUrl) {
    ctx.addIssue({ code: 'custom', path: ['baseUrl'], message: 'Enter the base URL.' });
  }
};

export const ConnectInput = z.discriminatedUnion('provider', [
  z
    .object({
      provider: z.literal('factorial-hr'),
      environment: FactorialEnvironmentInput,
      baseUrl: BaseUrlInput.optional(),
      apiKey: ApiKeyInput,
    })
    .superRefine(withCustomBaseUrl),
  z
    .object({
      provider: z.literal('factorial-ats'),
      environment: FactorialEnvironmentInput,
      baseUrl: BaseUrlInput.optional(),
      apiKey: ApiKeyInput,
    })
    .superRefine(withCustomBaseUrl),
  z
    .object({
      provider: z.literal('kombo'),
      environment: KomboEnvironmentInput,
      baseUrl: BaseUrlInput.optional(),
      apiKey: ApiKeyInput,
      integrationId: IntegrationIdInput,
    })
    .superRefine(withCustomBaseUrl),
]);
export type ConnectInput = z.infer<typeof ConnectInput>;

export const SlotInput = z.enum(['hr', 'ats']);
export type SlotInput = z.infer<typeof SlotInput>;

// ---- What the UI gets back: never a key, only its last four characters, masked. ----

export interface ConnectionView {
  slot: 'hr' | 'ats';
  provider: 'factorial-hr' | 'factorial-ats' | 'kombo';
  environment: string;
  baseUrl: string;
  integrationId?: string;
  tool?: string;
  accountLabel?: string;
  /** e.g. "••••1234" */
  maskedKey: string;
  connectedAt: string;
  lastCheckAt: string;
  lastCheckOk: boolean;
  lastCheckMessage?: string;
}

export const connectionIntents = {
  listConnections: { input: z.undefined(), from: ['extension-page'] },
  connect: { input: ConnectInput, from: ['extension-page'], admin: true },
  checkConnection: { input: SlotInput, from: ['extension-page'], admin: true },
  removeConnection: { input: SlotInput, from: ['extension-page'], admin: true },
} as const;

export interface ConnectionProtocol {
  listConnections(): Result<ConnectionView[]>;
  connect(input: z.input<typeof ConnectInput>): Result<ConnectionView>;
  checkConnection(slot: SlotInput): Result<ConnectionView>;
  removeConnection(slot: SlotInput): Result<null>;
}
