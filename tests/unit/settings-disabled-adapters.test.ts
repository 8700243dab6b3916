import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetDbForTests } from '@/lib/db';
import { refreshPolicy, writeSetting } from '@/lib/settings';
import * as settings from '@/lib/settings';

// The start-up read is held back in one test below (the module's own readSettings, wrapped to be steered).
vi.mock('@/lib/settings', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/settings')>();
  return { ...actual, readSettings: vi.fn(actual.readSettings) };
});
import { disabledAdapters, loadDisabledAdapters, reloadDisabledAdapters } from '@/lib/settings/disabled-adapters';
import { settingsHandlers } from '@/lib/settings/handlers';

/**
 * The switched-off adapters the worker's sender checks use: read at start, again after the setting or the policy
 * changes, and never put back to an older set by a start-up read that answers late.
 */

const page = { sender: 'extension-page' as const };

describe('switched-off adapters in the worker', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await resetDbForTests();
  });

  it('follow the setting changed from the options page, and the organisation’s policy', async () => {
    await writeSetting('disabledAdapters', ['lever']);
    await loadDisabledAdapters();
    expect([...disabledAdapters()]).toEqual(['lever']);
    await settingsHandlers.changeSetting({ name: 'disabledAdapters', value: ['greenhouse'] }, page);
    expect([...disabledAdapters()]).toEqual(['greenhouse']);
    await fakeBrowser.storage.managed.set({ disabledAdapters: ['teamtailor'] });
    await refreshPolicy();
    await vi.waitFor(() => expect([...disabledAdapters()]).toEqual(['teamtailor']));
  });

  it('a change made while the start-up read is still out is not undone by that read', async () => {
    await writeSetting('disabledAdapters', ['lever']);
    const actual = vi.mocked(settings.readSettings).getMockImplementation()!;
    // The start-up read was made before the change, and answers only after a read made after the change has
    // answered (which, rightly, never comes first: the reload waits for it; the timer only ends that wait).
    const stale = await actual();
    let freshAnswered!: () => void;
    const fresh = new Promise<void>((resolve) => (freshAnswered = resolve));
    vi.mocked(settings.readSettings)
      .mockImplementationOnce(async () => (await Promise.race([fresh, new Promise((resolve) => setTimeout(resolve, 50))]), stale))
      .mockImplementationOnce(async () => {
        const view = await actual();
        freshAnswered();
        return view;
      });
    const starting = loadDisabledAdapters();
    await writeSetting('disabledAdapters', ['greenhouse']);
    await Promise.all([starting, reloadDisabledAdapters()]);
    expect([...disabledAdapters()]).toEqual(['greenhouse']);
  });
});
