import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background, { Intents } from '@/entrypoints/background';
import { startWorkBegun } from '@/lib/messaging/server';
import { db, resetDbForTests } from '@/lib/db';
import type { ConnectionRecord } from '@/lib/connections/records';
import { ExportFields } from '@/lib/export/intents';
import { syncPayload } from './fixtures/records';
import type { SenderKind } from '@/lib/messaging/protocol';
import { sealSecret } from '@/lib/secrets';
import { lock, setPassphrase } from '@/lib/security';
import { writeSetting } from '@/lib/settings';

/**
 * Fuzzing the service worker's message handlers *as wired* by entrypoints/background.ts: the real
 * `defineBackground` main runs against WXT's fakeBrowser and a seeded Dexie database (two connections, a job, a
 * hired candidate, operations, activity, a granted tab), and then receives more than 10,000 random and forged
 * messages through `runtime.onMessage`, exactly as Chrome would deliver them.
 *
 * Every answer must be `{ res: { ok: false, ... } }` (or no answer at all, for names that are not intents); no
 * error may escape; no request may reach the network (`fetch` is a spy that refuses); no script may be injected;
 * and nothing stored (Dexie tables, extension storage, alarms) may change.
 */

const EXTENSION_ID = fakeBrowser.runtime.id;
const OWN = `chrome-extension://${EXTENSION_ID}`;
const FACTORIAL_KEY = 'fuzz-factorial-key-7d3f19a2c4';
const KOMBO_KEY = 'fuzz-kombo-key-b81e44f0a9';
const JOB_KEY = 'kombo:KJ000001';
const CANDIDATE_KEY = 'greenhouse:40112234';
const STUCK_OPERATION = '6f1c7a0e-3d9b-4c52-8a41-2f6b0d9e7c13';
const DONE_OPERATION = '0b6e2d94-7a1f-4e38-9c05-d3a8f1e26b47';
const GRANTED_TAB = 77;
const PASSPHRASE = 'the admin passphrase, 2026';

// ---------------------------------------------------------------------------------------------------------------
// Senders
// ---------------------------------------------------------------------------------------------------------------

type Sender = Record<string, unknown> | undefined | null;
interface Forged {
  sender: Sender;
  /** The kind the sender really is, when it is a trusted one (its intents then fail on the payload, not the sender). */
  kind?: SenderKind;
}

const optionsPage: Forged = { sender: { id: EXTENSION_ID, url: `${OWN}/options.html`, origin: OWN }, kind: 'extension-page' };
const popupInTab: Forged = { sender: { id: EXTENSION_ID, url: `${OWN}/popup.html`, tab: { id: 5 }, frameId: 0, origin: OWN }, kind: 'extension-page' };
const greenhousePage: Forged = {
  sender: { id: EXTENSION_ID, url: 'https://app.greenhouse.io/people/40112234', tab: { id: 9 }, frameId: 0, origin: 'https://app.greenhouse.io' },
  kind: 'content-script',
};
const grantedPage: Forged = { sender: { id: EXTENSION_ID, url: 'https://example.org/people/1', tab: { id: GRANTED_TAB }, frameId: 0 }, kind: 'content-script' };
/** The dialogs' frame (dialog.html) framed inside an ATS page's tab. */
const dialogFrameOnAts: Forged = {
  sender: { id: EXTENSION_ID, url: `${OWN}/dialog.html#7d1f5a9e-2b3c-4d5e-8f60-718293a4b5c6`, tab: { id: 9, url: 'https://app.greenhouse.io/people/40112234' }, frameId: 6, origin: OWN },
  kind: 'dialog-frame',
};
const trustedSenders = [optionsPage, popupInTab, greenhousePage, grantedPage, dialogFrameOnAts];

const ats = (url: string, over: Record<string, unknown> = {}) => ({ id: EXTENSION_ID, url, tab: { id: 9 }, frameId: 0, ...over });

/** Senders that must never be answered with anything but "forbidden". */
const forbiddenSenders: Sender[] = [
  undefined,
  null,
  {},
  { id: EXTENSION_ID },
  { id: EXTENSION_ID, url: '' },
  { id: EXTENSION_ID, url: 'not a url' },
  { id: EXTENSION_ID, url: 42 },
  { id: EXTENSION_ID, url: ['https://app.greenhouse.io/people/1'] },
  // Other extensions, and our pages' URL claimed by them.
  { id: 'abcdefghijklmnopabcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/options.html' },
  { id: 'abcdefghijklmnopabcdefghijklmnop', url: `${OWN}/options.html` },
  { id: 'abcdefghijklmnopabcdefghijklmnop', url: 'https://app.greenhouse.io/people/1', tab: { id: 9 }, frameId: 0 },
  { url: `${OWN}/options.html` },
  { id: `${EXTENSION_ID} `, url: `${OWN}/options.html` },
  { id: EXTENSION_ID.toUpperCase(), url: `${OWN}/options.html` },
  { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}.evil.com/options.html` },
  { id: EXTENSION_ID, url: `chrome-extension://evil${EXTENSION_ID}/options.html` },
  { id: EXTENSION_ID, url: `moz-extension://${EXTENSION_ID}/options.html` },
  // Our own pages, but inside a frame of some web page.
  { id: EXTENSION_ID, url: `${OWN}/popup.html`, tab: { id: 4 }, frameId: 3 },
  { id: EXTENSION_ID, url: `${OWN}/options.html`, tab: { id: 9, url: 'https://app.greenhouse.io/people/1' }, frameId: 3 },
  // The dialogs' frame inside a page Hirebridge may not run on, in a tab with no URL known, or claiming another path.
  { id: EXTENSION_ID, url: `${OWN}/dialog.html`, tab: { id: 4, url: 'https://evil.example/people/1' }, frameId: 3 },
  { id: EXTENSION_ID, url: `${OWN}/dialog.html`, tab: { id: 4 }, frameId: 3 },
  { id: EXTENSION_ID, url: `${OWN}/dialog.html`, tab: { id: 9, url: 'https://app.greenhouse.io.evil.com/people/1' }, frameId: 3 },
  { id: EXTENSION_ID, url: `${OWN}/dialog.html`, tab: { id: 9, url: 'https://hire.lever.co/candidates/1' }, frameId: 3 },
  { id: EXTENSION_ID, url: `${OWN}/dialog.html`, tab: { id: 9, url: 'javascript:alert(1)' }, frameId: 3 },
  { id: EXTENSION_ID, url: `${OWN}/dialog.html`, tab: { id: GRANTED_TAB + 1, url: 'https://example.org/people/1' }, frameId: 3 },
  { id: EXTENSION_ID, url: `${OWN}/dialog.html`, tab: { id: '9', url: 'https://app.greenhouse.io/people/1' }, frameId: 3 },
  { id: EXTENSION_ID, url: `${OWN}/dialog.html`, tab: { id: 9, url: 'https://app.greenhouse.io/people/1' }, frameId: '3' },
  { id: EXTENSION_ID, url: `${OWN}/dialog.html`, tab: { id: 9, url: 'https://app.greenhouse.io/people/1' }, frameId: -1 },
  { id: 'abcdefghijklmnopabcdefghijklmnop', url: `${OWN}/dialog.html`, tab: { id: 9, url: 'https://app.greenhouse.io/people/1' }, frameId: 3 },
  { id: EXTENSION_ID, url: `${OWN}/options.html`, tab: { id: 4 }, frameId: -1 },
  // An ATS page, but a subframe, or no tab.
  ats('https://app.greenhouse.io/people/40112234', { frameId: 1 }),
  ats('https://app.greenhouse.io/people/40112234', { frameId: 17 }),
  ats('https://app.greenhouse.io/people/40112234', { frameId: undefined }),
  ats('https://app.greenhouse.io/people/40112234', { frameId: '0' }),
  ats('https://app.greenhouse.io/people/40112234', { tab: undefined }),
  ats('https://app.greenhouse.io/people/40112234', { tab: null }),
  // Schemes that are not web pages, some with an ATS origin inside them.
  ats('javascript:alert(document.domain)'),
  ats('javascript://app.greenhouse.io/%0Aalert(1)'),
  ats('data:text/html,<script>alert(1)</script>'),
  ats('data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='),
  ats('blob:https://app.greenhouse.io/5b1e2a61-8c9e-4b1f-9a8e-0d5d3a2b9c71'),
  ats('filesystem:https://app.greenhouse.io/temporary/x.html'),
  ats('view-source:https://app.greenhouse.io/people/1'),
  ats('about:blank'),
  ats('about:srcdoc'),
  ats('file:///etc/passwd'),
  ats('chrome://settings/'),
  ats('ftp://app.greenhouse.io/people/1'),
  ats('wss://app.greenhouse.io/people/1'),
  // An ATS's name over plain http is not the ATS.
  ats('http://app.greenhouse.io/people/1'),
  ats('http://hire.lever.co/candidates/abc'),
  // Lookalike hosts.
  ats('https://app.greenhouse.io.evil.com/people/1'),
  ats('https://app.greenhouse.io.evil.com./people/1'),
  ats('https://app.greenhouse.io@evil.com/people/1'),
  ats('https://evil.com/app.greenhouse.io/people/1'),
  ats('https://evil.com/?https://app.greenhouse.io/people/1'),
  ats('https://evil.com#https://app.greenhouse.io/people/1'),
  ats('https://app-greenhouse.io/people/1'),
  ats('https://appgreenhouse.io/people/1'),
  ats('https://app.greenhouse.io./people/1'),
  ats('https://app7greenhouse.io/people/1'),
  ats('https://app.greenhouse.iο/people/1'), // Greek omicron
  ats('https://app.greenhоuse.io/people/1'), // Cyrillic o
  ats('https://xn--app-greenhouse-io.evil/people/1'),
  ats('https://hire.lever.co.attacker.net/candidates/1'),
  ats('https://workable.com.evil.net/x'),
  ats('https://evilworkable.com/x'),
  ats('https://a.b.workable.com.evil/x'),
  ats('https://www.smartrecruiters.com.evil.io/app/people/1'),
  ats('https://recruitee.com.evil.io/x'),
  ats('http://127.0.0.1.evil.com/demo-ats/candidates/40112234'),
  ats('http://localhost.evil.com/demo-ats/candidates/40112234'),
  ats('http://127.0.0.2/demo-ats/candidates/40112234'),
  ats('https://example.com/demo-ats/candidates/40112234'),
  // A switched-off adapter's site (Lever is disabled in the seeded settings).
  ats('https://hire.lever.co/candidates/8f1c2a7e'),
  // The granted tab, once it left its origin; the granted origin in another tab.
  ats('https://example.org.evil.com/people/1', { tab: { id: GRANTED_TAB } }),
  ats('http://example.org/people/1', { tab: { id: GRANTED_TAB } }),
  ats('https://evil.example/people/1', { tab: { id: GRANTED_TAB } }),
  ats('https://example.org/people/1', { tab: { id: GRANTED_TAB + 1 } }),
  ats('https://example.org/people/1', { tab: { id: String(GRANTED_TAB) } }),
  ats('https://example.org/people/1', { tab: { id: GRANTED_TAB }, frameId: 2 }),
];

/** An independent list of the ATS domains: random web URLs on them are left out of the "forbidden" pool. */
const ATS_DOMAIN = /(^|\.)(greenhouse\.io|lever\.co|ashbyhq\.com|workable\.com|teamtailor\.com|smartrecruiters\.com|recruitee\.com|screenloop\.com|factorialhr\.com|example\.org)$|^(127\.0\.0\.1|localhost)$/i;

const randomWebPage: fc.Arbitrary<Sender> = fc
  .record({ url: fc.webUrl({ withQueryParameters: true, withFragments: true }), tab: fc.integer({ min: 1, max: 10_000 }) })
  .filter(({ url }) => {
    try {
      return !ATS_DOMAIN.test(new URL(url).hostname);
    } catch {
      return true;
    }
  })
  .map(({ url, tab }) => ({ id: EXTENSION_ID, url, tab: { id: tab }, frameId: 0 }));

const randomSenderShape: fc.Arbitrary<Sender> = fc.record(
  {
    id: fc.oneof(fc.string().filter((id) => id !== EXTENSION_ID), fc.constant(EXTENSION_ID.slice(1)), fc.constant(42)),
    url: fc.oneof(fc.string(), fc.webUrl(), fc.constant(`${OWN}/options.html`)),
    tab: fc.oneof(fc.constant(undefined), fc.record({ id: fc.integer() })),
    frameId: fc.oneof(fc.constant(0), fc.integer()),
  },
  { requiredKeys: [] },
);

const forbiddenSender: fc.Arbitrary<Sender> = fc.oneof(
  { arbitrary: fc.constantFrom(...forbiddenSenders), weight: 6 },
  { arbitrary: randomWebPage, weight: 3 },
  // Random shapes whose id is never ours.
  { arbitrary: randomSenderShape, weight: 1 },
);

// ---------------------------------------------------------------------------------------------------------------
// Payloads
// ---------------------------------------------------------------------------------------------------------------

const HUGE = 'A'.repeat(1_000_000);
const HUGE_UNICODE = '\u202Eﷺ𝕏'.repeat(100_000);

/**
 * A payload each intent would accept: sent from the wrong sender, it must still be refused. Intents that take no
 * payload need no entry (their sample is `undefined`); any other new intent must get one (the first test checks).
 */
const SAMPLES: Partial<Record<keyof typeof Intents, unknown>> = {
  changeSetting: { name: 'sourceName', value: 'Pwned' },
  connect: { provider: 'factorial-hr', environment: 'custom', baseUrl: 'https://collector.evil.example', apiKey: 'stolen-key-123456' },
  checkConnection: 'hr',
  removeConnection: 'ats',
  setJobActive: { key: JOB_KEY, active: false },
  setPullInterval: 15,
  setCountryFilter: ['ES'],
  pageCandidatesStatus: { adapterId: 'greenhouse', candidates: [{ siteCandidateId: '40112234', fullName: 'Lucas Moreau' }] },
  prepareExport: { adapterId: 'greenhouse', candidate: { siteCandidateId: '40112234' } },
  importTrackedApplication: { adapterId: 'greenhouse', candidate: { siteCandidateId: '40112234', siteApplicationId: '90001003' } },
  submitExport: {
    candidateKey: CANDIDATE_KEY,
    fields: { firstName: 'Lucas', lastName: 'Moreau', email: 'lucas.moreau@example.com', startDate: '2026-12-01', legalEntityId: '1' },
  },
  exportProgress: STUCK_OPERATION,
  syncOffered: { adapterId: 'lever' },
  prepareSync: { page: { adapterId: 'generic', sourceUrl: 'https://example.org/p/1', sourceSite: 'Example' } },
  submitSync: {
    candidateKey: 'generic:https://example.org/p/1',
    fields: { firstName: 'Zoe', lastName: 'Nunez', email: 'zoe@example.com', jobKey: JOB_KEY },
    answers: {},
  },
  planAutoSync: {
    candidateKey: 'generic:https://example.org/p/1',
    fields: { firstName: 'Zoe', lastName: 'Nunez', email: 'zoe@example.com', jobKey: JOB_KEY },
    answers: {},
  },
  syncProgress: STUCK_OPERATION,
  profilePdf: DONE_OPERATION,
  refreshHiredCandidates: { force: true },
  preparePopupExport: CANDIDATE_KEY,
  planBulkExport: {},
  startBulkExport: { keys: [CANDIDATE_KEY] },
  retryOperation: STUCK_OPERATION,
  setPassphrase: 'a new passphrase chosen by someone else',
  unlockAdmin: PASSPHRASE,
  exportTeamSetup: { passphrase: 'a passphrase someone else chose' },
  importTeamSetup: { text: '{"format":"hirebridge-team-setup","version":1}', passphrase: 'a guessed passphrase' },
  saveSiteRecipe: { recipe: { host: 'app.greenhouse.io', path: '/people/:id', fields: { anchor: 'body' } } },
  deleteSiteRecipe: 'app.greenhouse.io/people/:id',
  importSiteRecipes: '{"format":"hirebridge-site-recipes","version":1,"recipes":[]}',
  stageDialog: { kind: 'export', adapterId: 'greenhouse', candidate: { siteCandidateId: '40112234' } },
  handDialogResume: { token: '7d1f5a9e-2b3c-4d5e-8f60-718293a4b5c6', error: 'the site answered 404' },
  dialogFrameRequest: { token: '7d1f5a9e-2b3c-4d5e-8f60-718293a4b5c6' },
  dialogFrameDraft: { token: '7d1f5a9e-2b3c-4d5e-8f60-718293a4b5c6' },
  dialogFrameResume: { token: '7d1f5a9e-2b3c-4d5e-8f60-718293a4b5c6' },
  closeDialogFrame: { token: '7d1f5a9e-2b3c-4d5e-8f60-718293a4b5c6' },
  checkDialogFrame: { token: '7d1f5a9e-2b3c-4d5e-8f60-718293a4b5c6', point: { x: 10, y: 10 } },
  reportSiteYield: { host: 'app.greenhouse.io', path: '/people/1', adapterId: 'greenhouse', kind: 'candidate', idFromUrl: true, nameRead: false, stageRead: false, anchor: 'floating', rows: 0 },
};
const INTENT_NAMES = Object.keys(Intents) as (keyof typeof Intents)[];
const VALID_PAYLOADS = Object.fromEntries(INTENT_NAMES.map((name) => [name, SAMPLES[name]])) as Record<keyof typeof Intents, unknown>;

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf'];

/** Objects with own `__proto__` / `constructor` keys, as JSON.parse (and Chrome's message serialisation) makes them. */
const pollutionPayload = fc
  .record({ key: fc.constantFrom(...PROTO_KEYS), inner: fc.constantFrom(...PROTO_KEYS), extra: fc.jsonValue({ maxDepth: 1 }) })
  .map(({ key, inner, extra }) =>
    JSON.parse(`{"${key}": {"${inner}": {"polluted": true}, "polluted": true}, "candidates": {"__proto__": [1]}, "extra": ${JSON.stringify(extra ?? null)}}`),
  );

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constantFrom(
    HUGE,
    HUGE_UNICODE,
    '',
    ' ',
    '\u0000',
    '<img src=x onerror="globalThis.__pwned=1">',
    'javascript:alert(1)',
    '../../../../etc/passwd',
    '%00%0d%0aSet-Cookie:x',
    '${process.exit(1)}',
    '{{constructor.constructor("return process")()}}',
    ...PROTO_KEYS,
  ),
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 4 },
  { arbitrary: hostileString, weight: 3 },
  { arbitrary: pollutionPayload, weight: 2 },
  { arbitrary: fc.constantFrom(undefined, null, NaN, -0, Infinity, 2 ** 53, -1, true, [], {}, [[[[]]]]), weight: 1 },
  { arbitrary: fc.array(fc.constant(HUGE.slice(0, 1000)), { minLength: 0, maxLength: 3000 }), weight: 1 },
);

/** A valid payload with one field swapped for something hostile (wrong type, huge, prototype keys...). */
const mutatedPayload = (name: keyof typeof Intents) =>
  fc.tuple(hostileValue, fc.nat()).map(([value, pick]) => {
    const base = VALID_PAYLOADS[name];
    if (!base || typeof base !== 'object') return value;
    const copy = structuredClone(base) as Record<string, unknown>;
    const keys = Object.keys(copy);
    const key = keys[pick % keys.length];
    const target = copy[key];
    if (target && typeof target === 'object' && !Array.isArray(target) && pick % 2) {
      const inner = Object.keys(target);
      (target as Record<string, unknown>)[inner[pick % inner.length]] = value;
    } else {
      copy[key] = value;
    }
    return copy;
  });

/** For an intent: its valid sample (weighted up), a mutated sample, or anything hostile. */
const anyPayload = (name: keyof typeof Intents) =>
  fc.oneof({ arbitrary: fc.constant(VALID_PAYLOADS[name]), weight: 2 }, { arbitrary: mutatedPayload(name), weight: 2 }, { arbitrary: hostileValue, weight: 1 });
const withPayload = (names: fc.Arbitrary<keyof typeof Intents>) => names.chain((name) => fc.tuple(fc.constant(name), anyPayload(name)));

/** Intent names that are not intents: random, near misses, and the names every object inherits. */
const notAnIntent = fc.oneof(
  fc.string().filter((s) => !Object.hasOwn(Intents, s)),
  fc.constantFrom(
    ...PROTO_KEYS,
    'propertyIsEnumerable',
    'toLocaleString',
    '__lookupGetter__',
    '__defineSetter__',
    '__lookupSetter__',
    'then',
    'CONNECT',
    'connect ',
    'fetch',
    'fetchUrl',
    'getApiKey',
    'openSecret',
    'eval',
    '',
  ),
);

// ---------------------------------------------------------------------------------------------------------------
// Harness
// ---------------------------------------------------------------------------------------------------------------

const fetchCalls: string[] = [];
const scriptingCalls: unknown[] = [];
let messagesSent = 0;

interface Delivery {
  answered: boolean;
  answer?: unknown;
}

/** Deliver one message the way Chrome does (message, sender, sendResponse) and wait for its answer, if any. */
async function deliver(message: unknown, sender: Sender, waitMs = 2000): Promise<Delivery> {
  messagesSent++;
  let answered = false;
  let answer: unknown;
  let settle!: () => void;
  const done = new Promise<void>((resolve) => (settle = resolve));
  const sendResponse = (response: unknown) => {
    if (answered) throw new Error('sendResponse called twice');
    answered = true;
    answer = response;
    settle();
  };
  // Throws here would be a listener throwing into Chrome's dispatcher: fails the test.
  // Typed loosely on purpose: forged senders are exactly what the real type does not describe.
  const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>;
  const returned = await trigger(message, sender, sendResponse);
  if (returned.some((r) => r === true) && !answered) {
    await Promise.race([done, new Promise((_, reject) => setTimeout(() => reject(new Error('kept the channel open but never answered')), waitMs))]);
  }
  for (const r of returned) {
    // A listener may answer by returning a value (polyfill style): that counts as an answer too.
    if (r !== undefined && r !== true && r !== false) {
      if (answered) throw new Error('answered twice');
      answered = true;
      answer = r;
    }
  }
  return { answered, answer };
}

const envelope = (type: unknown, data: unknown) => ({ id: messagesSent, type, data, timestamp: Date.now() });

function expectFailure(delivery: Delivery, code: string) {
  expect(delivery.answered).toBe(true);
  expect(delivery.answer).toEqual({ res: { ok: false, error: expect.objectContaining({ code, message: expect.any(String) }) } });
  const { message } = (delivery.answer as { res: { error: { message: string } } }).res.error;
  expect(message.length).toBeLessThan(500);
  expect(message).not.toMatch(/\n\s+at |node_modules|file:\/\//);
}

function expectNoAnswerOrFailure(delivery: Delivery) {
  if (!delivery.answered) return;
  expect(delivery.answer).toEqual({ res: { ok: false, error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) } });
}

/** Everything the handlers could change, in comparable form. */
async function snapshot(): Promise<string> {
  const tables: Record<string, unknown> = {};
  for (const table of db().tables) tables[table.name] = await table.toArray();
  const state = {
    tables,
    local: await fakeBrowser.storage.local.get(null),
    session: await fakeBrowser.storage.session.get(null),
    sync: await fakeBrowser.storage.sync.get(null),
    alarms: (await fakeBrowser.alarms.getAll()).map(({ name, periodInMinutes }) => ({ name, periodInMinutes })),
  };
  return JSON.stringify(state, (_key, value) => {
    if (value instanceof ArrayBuffer) return `buffer:${Buffer.from(value).toString('hex')}`;
    if (ArrayBuffer.isView(value)) return `view:${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
    if (typeof CryptoKey !== 'undefined' && value instanceof CryptoKey) return `key:${value.type}:${JSON.stringify(value.algorithm)}`;
    return value;
  });
}

async function seed() {
  const now = new Date().toISOString();
  await writeSetting('disabledAdapters', ['lever']);
  // An admin passphrase is set, and the session is locked: admin intents must be refused even from the options page.
  await setPassphrase(PASSPHRASE);
  await lock();
  const connection = async (slot: 'hr' | 'ats', key: string, over: Partial<ConnectionRecord>): Promise<ConnectionRecord> => {
    const secret = await sealSecret(key);
    await db().secrets.put(secret);
    return {
      slot,
      provider: 'factorial-hr',
      environment: 'production',
      baseUrl: 'https://api.factorialhr.com',
      keyHint: key.slice(-4),
      secretId: secret.id,
      connectedAt: now,
      lastCheckAt: now,
      lastCheckOk: true,
      ...over,
    };
  };
  await db().connections.bulkPut([
    await connection('hr', FACTORIAL_KEY, {}),
    await connection('ats', KOMBO_KEY, { provider: 'kombo', environment: 'eu', baseUrl: 'https://api.kombo.dev/v1', integrationId: 'greenhouse:fuzz', tool: 'greenhouse' }),
  ]);
  await db().jobs.put({
    key: JOB_KEY,
    provider: 'kombo',
    vendorId: 'KJ000001',
    name: 'Senior Backend Engineer',
    status: 'active',
    frozen: true,
    atsStatus: 'OPEN',
    country: 'ES',
    url: 'https://boards.example/jobs/1',
    screeningQuestions: [],
    firstSeenAt: now,
    updatedAt: now,
  });
  await db().candidates.put({
    key: CANDIDATE_KEY,
    source: 'kombo',
    firstName: 'Lucas',
    lastName: 'Moreau',
    email: 'lucas.moreau@example.com',
    hired: true,
    capturedAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    data: { kind: 'hire', jobTitle: 'Product Manager' },
  });
  await db().operations.bulkPut([
    {
      id: STUCK_OPERATION,
      kind: 'export-employee',
      state: 'needs-attention',
      subject: CANDIDATE_KEY,
      payload: { fields: ExportFields.parse((VALID_PAYLOADS.submitExport as { fields: unknown }).fields), companyId: '1', name: 'Lucas Moreau', hiredWhenQueued: true },
      attempts: 3,
      delivery: { sends: 3 },
      lastError: 'The API key was rejected by Factorial.',
      createdAt: now,
      updatedAt: now,
    },
    {
      id: DONE_OPERATION,
      kind: 'sync-candidate',
      state: 'done',
      subject: 'generic:x',
      payload: syncPayload('Ana B', 'generic:x'),
      attempts: 1,
      delivery: { sends: 1, outcome: 'created' },
      remoteId: '1',
      createdAt: now,
      updatedAt: now,
    },
  ]);
  await db().activity.bulkAdd([
    { at: now, kind: 'connection', message: 'Connected Factorial HR.', level: 'success' },
    { at: now, kind: 'export', message: 'Export needs attention.', level: 'error', operationId: STUCK_OPERATION },
  ]);
  await fakeBrowser.storage.session.set({ grantedTabs: { [GRANTED_TAB]: 'https://example.org' } });
  await fakeBrowser.storage.managed.set({ sourceName: 'Org Sourcing' });
}

/** Waits until the worker's start-up work (resume, badge, live queries) has settled: the state stops changing. */
async function settled(): Promise<string> {
  let previous = '';
  for (let i = 0; i < 50; i++) {
    await new Promise((r) => setTimeout(r, 40));
    const current = await snapshot();
    if (current === previous) return current;
    previous = current;
  }
  throw new Error('The background never settled');
}

const prototypeNames = () => [Object.getOwnPropertyNames(Object.prototype), Object.getOwnPropertyNames(Array.prototype)].map((n) => n.sort().join());

let before = '';
const prototypesBefore = prototypeNames();

beforeAll(async () => {
  fakeBrowser.reset();
  await resetDbForTests();
  // APIs the fake browser does not implement: recorded, so a forged message that injects a script is caught.
  const noEvent = { addListener() {}, removeListener() {}, hasListener: () => false, hasListeners: () => false };
  Object.assign(fakeBrowser.permissions, { onAdded: noEvent, onRemoved: noEvent, getAll: async () => ({ origins: [], permissions: [] }), contains: async () => false });
  const record = (name: string) => async (...args: unknown[]) => void scriptingCalls.push([name, ...args]);
  (fakeBrowser as unknown as { scripting: unknown }).scripting = {
    executeScript: record('executeScript'),
    registerContentScripts: record('registerContentScripts'),
    unregisterContentScripts: async () => undefined,
  };
  // No network: every request is recorded and refused.
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    fetchCalls.push(String(input instanceof Request ? input.url : input));
    throw new TypeError('Failed to fetch (network disabled in the fuzz test)');
  });
  await seed();

  (background as unknown as { main(): void }).main();
  // The start's catch-up work (alarms, resume, badge) runs after the first answers or a grace time: let it begin first.
  await startWorkBegun;
  before = await settled();
  // The start-up itself may register the granted-host scripts; from here on nothing may be called.
  scriptingCalls.length = 0;
  expect(fetchCalls, 'the worker start-up should not call any API when nothing is queued').toEqual([]);
});

afterAll(() => {
  vi.restoreAllMocks();
});

// Hundreds of messages per test: seconds on a busy 2-core machine, so each test gets more than vitest's default 5 s.
describe('message handlers under fuzzing', { timeout: 30_000 }, () => {
  it('the harness is complete: every intent has a valid payload, and trusted senders get real answers', async () => {
    expect(Object.keys(SAMPLES).filter((name) => !Object.hasOwn(Intents, name))).toEqual([]);
    for (const name of INTENT_NAMES) {
      expect(Intents[name].input.safeParse(VALID_PAYLOADS[name]).success, `${name}'s sample payload`).toBe(true);
    }
    // Trusted senders are answered (a read-only intent), so "forbidden" below is a real decision, not a dead end.
    const read = await deliver(envelope('readSettings', undefined), optionsPage.sender);
    expect(read.answer).toMatchObject({ res: { ok: true, value: { values: { disabledAdapters: ['lever'] } } } });
    const status = await deliver(envelope('syncOffered', { adapterId: 'greenhouse' }), greenhousePage.sender);
    expect(status.answer).toMatchObject({ res: { ok: true } });
    const granted = await deliver(envelope('syncOffered', { adapterId: 'generic' }), grantedPage.sender);
    expect(granted.answer).toMatchObject({ res: { ok: true } });
  });

  it('valid-looking requests from forbidden senders are refused, and do nothing', async () => {
    await fc.assert(
      fc.asyncProperty(withPayload(fc.constantFrom(...INTENT_NAMES)), forbiddenSender, async ([name, data], sender) => {
        expectFailure(await deliver(envelope(name, data), sender), 'forbidden');
      }),
      { numRuns: 4000 },
    );
  });

  it('an intent from the wrong kind of trusted sender is refused (e.g. an ATS page asking to connect a key)', async () => {
    const pairs = INTENT_NAMES.flatMap((name) =>
      trustedSenders.filter((s) => !(Intents[name].from as readonly SenderKind[]).includes(s.kind!)).map((s) => [name, s] as const),
    );
    expect(pairs.map(([name]) => name)).toEqual(expect.arrayContaining(['connect', 'listConnections', 'removeConnection', 'changeSetting', 'retryOperation', 'syncActiveTab', 'pageCandidatesStatus', 'loadDialogs']));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...pairs).chain(([name, trusted]) => fc.tuple(fc.constant(name), fc.constant(trusted), anyPayload(name))),
        async ([name, trusted, data]) => {
          expectFailure(await deliver(envelope(name, data), trusted.sender), 'forbidden');
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('admin intents from the options page are refused while the passphrase is locked', async () => {
    const admin = INTENT_NAMES.filter((name) => (Intents[name] as { admin?: true }).admin);
    expect(admin).toEqual(expect.arrayContaining(['setPassphrase', 'removePassphrase', 'deleteLocalData']));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...admin), fc.constantFrom(optionsPage, popupInTab), async (name, page) => {
        expectFailure(await deliver(envelope(name, VALID_PAYLOADS[name]), page.sender), 'locked');
      }),
      { numRuns: 200 },
    );
  });

  it('trusted senders with broken, hostile or wrong-typed payloads get a plain "invalid input" answer', async () => {
    const allowed = INTENT_NAMES.flatMap((name) =>
      trustedSenders.filter((s) => (Intents[name].from as readonly SenderKind[]).includes(s.kind!)).map((s) => [name, s] as const),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...allowed).chain(([name, trusted]) => fc.tuple(fc.constant(name), fc.constant(trusted), anyPayload(name))),
        async ([name, trusted, data]) => {
          // Only invalid payloads here: a valid one from a trusted sender is a real request (it may change state).
          fc.pre(!Intents[name].input.safeParse(data).success);
          expectFailure(await deliver(envelope(name, data), trusted.sender), 'invalid-input');
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('names that are not intents (random, near misses, Object.prototype members) are never served', async () => {
    await fc.assert(
      fc.asyncProperty(notAnIntent, hostileValue, fc.oneof(fc.constantFrom(...trustedSenders.map((s) => s.sender)), forbiddenSender), async (type, data, sender) => {
        const delivery = await deliver(envelope(type, data), sender);
        expect(delivery.answered, `"${type}" got an answer: ${JSON.stringify(delivery.answer)?.slice(0, 300)}`).toBe(false);
      }),
      { numRuns: 1500 },
    );
  });

  it('messages that are not even envelopes are ignored without an error', async () => {
    const weird = fc.oneof(
      fc.anything(),
      fc.jsonValue(),
      fc.record({ type: fc.anything(), timestamp: fc.anything(), data: fc.anything(), id: fc.anything() }, { requiredKeys: [] }),
      fc.constantFrom(undefined, null, 0, '', 'readSettings', ['readSettings'], { type: 'readSettings' }, { type: ['readSettings'], timestamp: 1 }),
      pollutionPayload,
    );
    await fc.assert(
      fc.asyncProperty(weird, fc.oneof(fc.constantFrom(...trustedSenders.map((s) => s.sender)), forbiddenSender), async (message, sender) => {
        const isEnvelope =
          !!message && typeof message === 'object' && typeof (message as { type?: unknown }).type === 'string' && Object.hasOwn(Intents, (message as { type: string }).type);
        fc.pre(!isEnvelope);
        expectNoAnswerOrFailure(await deliver(message, sender));
      }),
      { numRuns: 1000 },
    );
  });

  it('after all of it: no request was sent, no script injected, nothing stored changed, no prototype polluted', async () => {
    expect(messagesSent).toBeGreaterThanOrEqual(10_000);
    // Let anything a handler might have started in the background finish before comparing.
    const after = await settled();
    expect(fetchCalls).toEqual([]);
    expect(scriptingCalls).toEqual([]);
    expect(after).toBe(before);
    expect(prototypeNames()).toEqual(prototypesBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
  });

  it('intents are still answered when the policy store never answers (seen in Chromium), with the last policy read', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(() => new Promise(() => {}));
    const read = await deliver(envelope('readSettings', undefined), optionsPage.sender, 6000);
    expect(read.answer).toMatchObject({ res: { ok: true, value: { values: { sourceName: 'Org Sourcing', disabledAdapters: ['lever'] }, managed: ['sourceName'] } } });
    vi.mocked(fakeBrowser.storage.managed.get).mockRestore();
  });

  it('the checks above can fail: a real request from a trusted page is seen by the fetch spy and the snapshot', async () => {
    // Retry of the stuck export (a popup intent, no passphrase needed): it is queued again and sent.
    const retry = await deliver(envelope('retryOperation', STUCK_OPERATION), popupInTab.sender);
    expect(retry.answer).toEqual({ res: { ok: true, value: null } });
    await expect.poll(() => fetchCalls.some((url) => url.startsWith('https://api.factorialhr.com/'))).toBe(true);
    expect(await settled()).not.toBe(before);
  });
});
