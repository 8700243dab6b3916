import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectInput } from '@/lib/connections/intents';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Intents } from '@/entrypoints/background';
import { classifySender, serveIntents, type IntentHandlers, type SenderPolicy } from '@/lib/messaging/server';

const policy: SenderPolicy = {
  extensionId: 'abcdefghijklmnopabcdefghijklmnop',
  extensionOrigin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
  isAllowedPage: (url) => url.hostname === 'app.greenhouse.io',
};
const own = policy.extensionId;

describe('sender checks', () => {
  it('accepts our own extension pages', () => {
    expect(classifySender({ id: own, url: `${policy.extensionOrigin}/options.html` }, policy)).toBe('extension-page');
    expect(classifySender({ id: own, url: `${policy.extensionOrigin}/popup.html`, tab: { id: 3 }, frameId: 0 }, policy)).toBe('extension-page');
  });

  it('accepts content scripts only from the top frame of allowed ATS pages', () => {
    const page = { id: own, url: 'https://app.greenhouse.io/people/123', tab: { id: 7 }, frameId: 0 };
    expect(classifySender(page, policy)).toBe('content-script');
    expect(classifySender({ ...page, frameId: 2 }, policy)).toBeNull();
    expect(classifySender({ ...page, url: 'https://evil.example/people/123' }, policy)).toBeNull();
    expect(classifySender({ ...page, tab: undefined }, policy)).toBeNull();
  });

  it('accepts the dialogs\' frame (dialog.html) only inside a tab on an allowed page, and no other framed extension page', () => {
    const frame = { id: own, url: `${policy.extensionOrigin}/dialog.html#7d1f5a9e-2b3c-4d5e-8f60-718293a4b5c6`, tab: { id: 7, url: 'https://app.greenhouse.io/people/123' }, frameId: 4 };
    expect(classifySender(frame, policy)).toBe('dialog-frame');
    expect(classifySender({ ...frame, tab: { id: 7, url: 'https://evil.example/people/123' } }, policy)).toBeNull();
    expect(classifySender({ ...frame, tab: { id: 7 } }, policy)).toBeNull();
    expect(classifySender({ ...frame, url: `${policy.extensionOrigin}/options.html` }, policy)).toBeNull();
    expect(classifySender({ ...frame, url: 'chrome-extension://otherextensionid/dialog.html' }, policy)).toBeNull();
    expect(classifySender({ ...frame, id: 'someoneelse' }, policy)).toBeNull();
    // Opened at the top of a tab of its own, it is an extension page, but the dialogs' intents are the frame's only.
    expect(classifySender({ ...frame, frameId: 0 }, policy)).toBe('extension-page');
    expect(Intents.dialogFrameRequest.from).toEqual(['dialog-frame']);
    expect(Intents.submitExport.from).not.toContain('content-script');
  });

  it('rejects other extensions, missing urls and odd schemes', () => {
    expect(classifySender({ id: 'someoneelse', url: `${policy.extensionOrigin}/options.html` }, policy)).toBeNull();
    expect(classifySender({ id: own }, policy)).toBeNull();
    expect(classifySender({ id: own, url: 'not a url' }, policy)).toBeNull();
    expect(classifySender({ id: own, url: 'javascript:alert(1)', tab: { id: 1 }, frameId: 0 }, policy)).toBeNull();
    expect(classifySender({ id: own, url: 'chrome-extension://otherextensionid/options.html' }, policy)).toBeNull();
  });
});

describe('connect payloads', () => {
  const base = { provider: 'factorial-hr', environment: 'production', apiKey: 'abcd1234efgh' } as const;

  it('accepts a well-formed request and normalises the base URL', () => {
    const parsed = ConnectInput.parse({ ...base, environment: 'custom', baseUrl: ' https://proxy.example.com/factorial/ ' });
    expect(parsed).toMatchObject({ provider: 'factorial-hr', baseUrl: 'https://proxy.example.com/factorial', apiKey: 'abcd1234efgh' });
  });

  it('names the field that is wrong, in plain words', () => {
    const issues = (input: unknown) =>
      ConnectInput.safeParse(input).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];
    expect(issues({ ...base, apiKey: '' })).toEqual([['apiKey', 'Paste the API key.']]);
    expect(issues({ ...base, apiKey: 'has a space in it' })).toEqual([['apiKey', 'The API key cannot contain spaces or line breaks.']]);
    expect(issues({ ...base, environment: 'custom' })).toEqual([['baseUrl', 'Enter the base URL.']]);
    expect(issues({ ...base, environment: 'custom', baseUrl: 'http://proxy.example.com' })[0][0]).toBe('baseUrl');
    expect(issues({ ...base, environment: 'custom', baseUrl: 'https://user:pw@proxy.example.com' })[0][1]).toContain('credentials');
    expect(issues({ provider: 'kombo', environment: 'eu', apiKey: 'abcd1234efgh', integrationId: 'greenhouse' })[0][0]).toBe('integrationId');
  });

  it('allows plain http only on this computer', () => {
    expect(ConnectInput.safeParse({ ...base, environment: 'custom', baseUrl: 'http://127.0.0.1:4780/factorial' }).success).toBe(true);
    expect(ConnectInput.safeParse({ ...base, environment: 'custom', baseUrl: 'http://localhost:4780' }).success).toBe(true);
    expect(ConnectInput.safeParse({ ...base, environment: 'custom', baseUrl: 'http://10.0.0.1' }).success).toBe(false);
  });

  it('rejects unknown providers and wrong types', () => {
    expect(ConnectInput.safeParse({ ...base, provider: 'workday' }).success).toBe(false);
    expect(ConnectInput.safeParse({ ...base, apiKey: 12345678 }).success).toBe(false);
    expect(ConnectInput.safeParse(null).success).toBe(false);
  });
});

describe('the start-up gate (ready)', () => {
  // Every intent answers with its own name; the gate opens when the test says so.
  const handlers = Object.fromEntries(Object.keys(Intents).map((name) => [name, async () => name])) as unknown as IntentHandlers;
  const ask = (type: string, sender: object) =>
    new Promise<unknown>((resolve) => void fakeBrowser.runtime.onMessage.trigger({ type, data: type === 'syncOffered' ? { adapterId: 'greenhouse' } : undefined }, sender, (response: { res: unknown }) => resolve(response.res)));

  it('answers extension pages at once and lets page senders wait until what page checks need is loaded', async () => {
    let open!: () => void;
    const ready = new Promise<void>((resolve) => (open = resolve));
    const stop = serveIntents(Intents, () => ({ ...policy, ready }), handlers);
    try {
      const page = ask('syncOffered', { id: own, url: 'https://app.greenhouse.io/people/1', tab: { id: 3 }, frameId: 0 });
      let pageAnswered = false;
      void page.then(() => (pageAnswered = true));
      expect(await ask('readSettings', { id: own, url: `${policy.extensionOrigin}/options.html` })).toEqual({ ok: true, value: 'readSettings' });
      expect(pageAnswered).toBe(false);
      open();
      expect(await page).toEqual({ ok: true, value: 'syncOffered' });
    } finally {
      stop();
    }
  });
});

describe('start work (afterStartAnswers)', () => {
  // A fresh copy of the server each time: whether the start work has run is the worker's state, once per start.
  const freshServer = async () => (vi.resetModules(), await import('@/lib/messaging/server'));
  const page = { id: own, url: `${policy.extensionOrigin}/options.html` };
  const ask = (type: string) => new Promise<unknown>((resolve) => void fakeBrowser.runtime.onMessage.trigger({ type }, page, (response: { res: unknown }) => resolve(response.res)));
  const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
  afterEach(() => vi.useRealTimers());

  it('waits until the answers asked for while the worker starts are sent, then runs each piece once', async () => {
    const server = await freshServer();
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const handlers = Object.fromEntries(Object.keys(Intents).map((name) => [name, async () => name])) as unknown as IntentHandlers;
    handlers.listConnections = async () => (await answered, []);
    const stop = server.serveIntents(Intents, () => policy, handlers);
    // A piece of start work that says when it has run.
    const startJob = () => {
      let ran!: () => void;
      const done = new Promise<void>((resolve) => (ran = resolve));
      return { fn: vi.fn(async () => ran()), done };
    };
    try {
      const [work, other, later] = [startJob(), startJob(), startJob()];
      server.afterStartAnswers(work.fn);
      server.afterStartAnswers(other.fn);
      const first = ask('listConnections');
      expect(await ask('readSettings')).toEqual({ ok: true, value: 'readSettings' });
      await nextTask();
      // One answer is out, one still being prepared: the start work still waits.
      expect(work.fn).not.toHaveBeenCalled();
      answer();
      expect(await first).toEqual({ ok: true, value: [] });
      await Promise.all([work.done, other.done]);
      // Later start work (an onInstalled event) runs at once; nothing runs twice.
      server.afterStartAnswers(later.fn);
      expect(later.fn).toHaveBeenCalledOnce();
      expect(await ask('readSettings')).toEqual({ ok: true, value: 'readSettings' });
      await nextTask();
      expect(work.fn).toHaveBeenCalledOnce();
      expect(other.fn).toHaveBeenCalledOnce();
    } finally {
      stop();
    }
  });

  it('runs after a grace time in a worker nobody asks (woken by an alarm)', async () => {
    vi.useFakeTimers();
    const server = await freshServer();
    const work = vi.fn(async () => undefined);
    server.afterStartAnswers(work);
    await vi.advanceTimersByTimeAsync(server.START_WORK_GRACE_MS - 1);
    expect(work).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(work).toHaveBeenCalledOnce();
  });
});
