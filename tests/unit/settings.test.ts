import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetDbForTests } from '@/lib/db';
import { ManagedSettingError, readSettings, writeSetting } from '@/lib/settings';

describe('admin settings overlaid by managed policy', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await resetDbForTests();
  });

  it('starts from the documented defaults', async () => {
    const { values, managed } = await readSettings();
    expect(values).toEqual({ disabledAdapters: [], sourceName: 'Hirebridge', autoSync: false, autoSyncStage: 'Engaged', retentionDays: 30 });
    expect(managed).toEqual([]);
  });

  it('keeps a local change, validated', async () => {
    await writeSetting('sourceName', '  Sourcing team  ');
    expect((await readSettings()).values.sourceName).toBe('Sourcing team');
    await expect(writeSetting('retentionDays', 0)).rejects.toThrow();
    expect((await readSettings()).values.retentionDays).toBe(30);
  });

  it('lets the policy win, refuses local changes to managed settings, and ignores invalid policy values', async () => {
    await writeSetting('sourceName', 'Local name');
    await fakeBrowser.storage.managed.set({ sourceName: 'Org Sourcing', disabledAdapters: ['lever'], retentionDays: 'forever' });
    const view = await readSettings();
    expect(view.values.sourceName).toBe('Org Sourcing');
    expect(view.values.disabledAdapters).toEqual(['lever']);
    expect(view.values.retentionDays).toBe(30);
    expect(view.managed.sort()).toEqual(['disabledAdapters', 'sourceName']);
    await expect(writeSetting('sourceName', 'Mine')).rejects.toBeInstanceOf(ManagedSettingError);
  });
});
