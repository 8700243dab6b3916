import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isPublicError } from '@/lib/errors';
import { injectIntoAskingTab, openOnPageBehindPopup } from '@/lib/sites/active-tab';
import { forgetTab, grantTab, isGrantedTab, loadGrantedTabs } from '@/lib/sites/granted-tabs';

/**
 * The popup's one tab flow (Sync this page to ATS, Teach this page): the web page behind the popup is granted
 * (activeTab), the tool's script is injected there and opened with its request. And the grants themselves: a grant
 * made while the worker still reads its last life's grants keeps them.
 */

type Tab = { id?: number; url?: string; title?: string; lastAccessed?: number; active?: boolean };
let scripting: { files?: string[]; args?: unknown[]; tabId: number; frameIds?: number[] }[];

function tabsAre(active: Tab | undefined, all: Tab[]) {
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async (query: { active?: boolean }) => (query.active ? (active ? [active] : []) : all)) as never);
}

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  scripting = [];
  (fakeBrowser as unknown as { scripting: unknown }).scripting = {
    executeScript: async (call: { target: { tabId: number; frameIds?: number[] }; files?: string[]; args?: unknown[] }) =>
      void scripting.push({ tabId: call.target.tabId, frameIds: call.target.frameIds, files: call.files, args: call.args }),
  };
  // Forget whatever an earlier test granted in this module's memory.
  for (const tabId of [1, 2, 3, 7, 8, 9]) await forgetTab(tabId);
});

const TOOL = { script: '/content-scripts/dialogs.js', global: '__tool' };

describe('opening a tool on the page behind the popup', () => {
  it('grants the active web tab, injects the script into its top frame and opens the tool with the request', async () => {
    tabsAre({ id: 7, url: 'https://people.example.org/ana', title: 'Ana' }, []);
    await expect(openOnPageBehindPopup(TOOL, { kind: 'sync', adapterId: 'generic' })).resolves.toEqual({ tabTitle: 'Ana' });
    expect(scripting).toEqual([
      { tabId: 7, frameIds: [0], files: ['/content-scripts/dialogs.js'], args: undefined },
      { tabId: 7, frameIds: [0], files: undefined, args: ['__tool', { kind: 'sync', adapterId: 'generic' }] },
    ]);
    expect(isGrantedTab(7, new URL('https://people.example.org/other'))).toBe(true);
    expect(isGrantedTab(7, new URL('https://elsewhere.example.org/'))).toBe(false);
  });

  it('when the popup shows in a tab of its own, takes the web tab used most recently', async () => {
    tabsAre({ id: 1, url: 'chrome-extension://abc/popup.html' }, [
      { id: 1, url: 'chrome-extension://abc/popup.html', lastAccessed: 30 },
      { id: 2, url: 'https://old.example.org/', lastAccessed: 10 },
      { id: 3, url: 'https://recent.example.org/', title: 'Recent', lastAccessed: 20 },
    ]);
    await expect(openOnPageBehindPopup(TOOL, {})).resolves.toEqual({ tabTitle: 'Recent' });
    expect(scripting.map((call) => call.tabId)).toEqual([3, 3]);
  });

  it('with no web page open, says to open one first, grants nothing and injects nothing', async () => {
    tabsAre({ id: 1, url: 'chrome://newtab/' }, [{ id: 1, url: 'chrome://newtab/' }]);
    const error = await openOnPageBehindPopup(TOOL, {}).catch((e: unknown) => e);
    expect(isPublicError(error) && [error.message, error.code]).toEqual(['Open the person’s page in a tab first, then use Sync this page to ATS.', 'no-tab']);
    expect(scripting).toEqual([]);
  });
});

describe('a page asking for a tool in its own tab', () => {
  it('injects into the asking tab, and refuses a sender that is not in a tab', async () => {
    await expect(injectIntoAskingTab(9, '/content-scripts/teach.js')).resolves.toBeNull();
    expect(scripting).toEqual([{ tabId: 9, frameIds: [0], files: ['/content-scripts/teach.js'], args: undefined }]);
    const error = await injectIntoAskingTab(undefined, '/content-scripts/teach.js').catch((e: unknown) => e);
    expect(isPublicError(error) && [error.message, error.code]).toEqual(['The form can only open on a page.', 'no-tab']);
    expect(scripting).toHaveLength(1);
  });
});

describe('granted tabs across a worker restart', () => {
  it("a grant made while the last life's grants are still being read keeps them", async () => {
    await fakeBrowser.storage.session.set({ grantedTabs: { '8': 'https://before.example.org' } });
    let release!: () => void;
    const get = fakeBrowser.storage.session.get.bind(fakeBrowser.storage.session);
    // The read answers only after the new grant was asked for.
    vi.spyOn(fakeBrowser.storage.session, 'get').mockImplementation((async (keys: never) => {
      await new Promise<void>((resolve) => (release = resolve));
      return get(keys);
    }) as never);
    const loading = loadGrantedTabs();
    const granting = grantTab(9, 'https://now.example.org/page');
    release();
    await Promise.all([loading, granting]);
    expect(isGrantedTab(8, new URL('https://before.example.org/x'))).toBe(true);
    expect(isGrantedTab(9, new URL('https://now.example.org/y'))).toBe(true);
    expect((await get('grantedTabs')).grantedTabs).toEqual({ '8': 'https://before.example.org', '9': 'https://now.example.org' });
  });
});
