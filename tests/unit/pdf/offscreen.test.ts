import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OffscreenBuild } from '@/lib/pdf/offscreen-protocol';
import { baseInput, fonts, makePdf, norm, pdfPages } from './helpers';

/**
 * Chrome's worker builds the profile in the offscreen document (lib/pdf/offscreen-client.ts ↔ offscreen-host.ts).
 * Here both sides run in one process over a stand-in chrome.runtime that passes messages through JSON, as Chrome's
 * runtime messaging does; ServiceWorkerGlobalScope is defined so lib/pdf takes the worker's road.
 */

type Listener = (message: unknown, sender: { id: string }, reply: (answer: unknown) => void) => boolean;

function fakeChrome() {
  const listeners: Listener[] = [];
  const state = { open: false, created: 0, sent: [] as OffscreenBuild[], failNext: '' };
  const chrome = {
    runtime: {
      id: 'hb-test',
      getURL: (path: string) => `chrome-extension://hb-test${path}`,
      getContexts: async () => (state.open ? [{ contextType: 'OFFSCREEN_DOCUMENT' }] : []),
      onMessage: { addListener: (listener: Listener) => listeners.push(listener) },
      sendMessage: (message: OffscreenBuild) => {
        if (state.failNext) {
          const words = state.failNext;
          state.failNext = '';
          state.open = false;
          return Promise.reject(new Error(words));
        }
        if (!state.open) return Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
        const wire = JSON.parse(JSON.stringify(message)) as OffscreenBuild;
        state.sent.push(wire);
        return new Promise((resolve) => {
          const answered = listeners.some((listener) => listener(wire, { id: 'hb-test' }, (answer) => resolve(JSON.parse(JSON.stringify(answer)))));
          if (!answered) resolve(undefined);
        });
      },
    },
    offscreen: {
      createDocument: async ({ url }: { url: string }) => {
        expect(url).toBe('/offscreen.html');
        state.open = true;
        state.created++;
      },
    },
  };
  return { chrome, state };
}

let fake: ReturnType<typeof fakeChrome>;

beforeEach(async () => {
  vi.resetModules();
  fake = fakeChrome();
  vi.stubGlobal('chrome', fake.chrome);
  vi.stubGlobal('ServiceWorkerGlobalScope', function ServiceWorkerGlobalScope() {});
  vi.stubGlobal('requestIdleCallback', (run: () => void) => setTimeout(run, 0));
  // The document's side, as entrypoints/offscreen/main.ts starts it.
  (await import('@/lib/pdf/offscreen-host')).serveProfileBuilds();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the profile built in the offscreen document (Chrome)', () => {
  it('opens the document once, sends the fonts once, and gives the same profile as building in place', async () => {
    const { buildProfilePdf } = await import('@/lib/pdf');
    const resume = await makePdf(['RESUME PAGE ONE']);
    const first = await buildProfilePdf(baseInput(), fonts, { bytes: resume, contentType: 'application/pdf' });
    const second = await buildProfilePdf(baseInput({ fullName: 'Ana Ruiz' }), fonts);

    expect(fake.state.created).toBe(1);
    // First build: asked without fonts, told "need fonts", sent again with them; the second build needs no fonts.
    expect(fake.state.sent.map((m) => !!m.fonts)).toEqual([false, true, false]);
    expect(first.resume).toBe('merged');
    expect(second.resume).toBe('none');

    const { buildProfilePdfHere } = await import('@/lib/pdf/build');
    const here = await buildProfilePdfHere(baseInput(), fonts, { bytes: resume, contentType: 'application/pdf' });
    expect(first.pageCount).toBe(here.pageCount);
    const [viaDocument, inPlace] = await Promise.all([pdfPages(first.bytes), pdfPages(here.bytes)]);
    expect(viaDocument.pages.map(norm)).toEqual(inPlace.pages.map(norm));
    expect(norm(viaDocument.pages[0]!)).toContain('Zoë Ñúñez');
    expect(norm((await pdfPages(second.bytes)).pages[0]!)).toContain('Ana Ruiz');
  });

  it('a document that went away is opened again and the build goes through', async () => {
    const { buildProfilePdf } = await import('@/lib/pdf');
    await buildProfilePdf(baseInput(), fonts);
    fake.state.failNext = 'Could not establish connection. Receiving end does not exist.';
    const again = await buildProfilePdf(baseInput(), fonts);
    expect(again.pageCount).toBeGreaterThan(0);
    expect(fake.state.created).toBe(2);
  });

  it('prepareProfilePdf opens the document and builds a throwaway profile with the fonts, once', async () => {
    const { prepareProfilePdf } = await import('@/lib/pdf');
    const load = vi.fn(async () => fonts);
    await Promise.all([prepareProfilePdf(load), prepareProfilePdf(load)]);
    expect(fake.state.created).toBe(1);
    expect(load).toHaveBeenCalledTimes(1);
    expect(fake.state.sent.map((m) => m.kind)).toEqual(['warm', 'warm']); // the second carries the fonts
    expect(fake.state.sent[1]!.fonts).toBeDefined();
  });

  it('a message that fails (not a closed document) reaches the caller in its own words', async () => {
    const { buildProfilePdf } = await import('@/lib/pdf');
    fake.state.failNext = 'The message port closed before a response was received.';
    await expect(buildProfilePdf(baseInput(), fonts)).rejects.toThrow('The message port closed before a response was received.');
  });
});

describe('a worker started again (the offscreen document outlived it)', () => {
  it('finds its fonts and its warm-up already in the document: nothing is sent twice', async () => {
    const { prepareProfilePdf, buildProfilePdf } = await import('@/lib/pdf');
    await prepareProfilePdf(async () => fonts);
    // The worker is stopped and started: its modules load afresh, the document (and its listener) stays.
    vi.resetModules();
    const again = await import('@/lib/pdf');
    expect(again.buildProfilePdf).not.toBe(buildProfilePdf);
    const copy = { regular: fonts.regular.slice(), bold: fonts.bold.slice() }; // the same files, read again
    await again.prepareProfilePdf(async () => copy);
    const result = await again.buildProfilePdf(baseInput(), copy);
    expect(result.pageCount).toBeGreaterThan(0);
    expect(fake.state.created).toBe(1);
    // warm (asks for fonts), warm with fonts; after the restart: warm (held: answered at once), build.
    expect(fake.state.sent.map((m) => `${m.kind}${m.fonts ? '+fonts' : ''}`)).toEqual(['warm', 'warm+fonts', 'warm', 'build']);
  });
});
