import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetDbForTests } from '@/lib/db';
import { knownPolicy, ManagedSettingError, readSettings, refreshPolicy, writeSetting } from '@/lib/settings';

describe('admin settings overlaid by managed policy', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await resetDbForTests();
  });

  it('starts from the documented defaults', async () => {
    const { values, managed } = await readSettings();
    expect(values).toEqual({ disabledAdapters: [], sourceName: 'Hirebridge', autoSync: false, autoSyncStage: 'Engaged', retentionDays: 30, komboWriteWaitSeconds: 25, fieldMapping: { entityDefaults: {}, customFields: {} } });
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
    await refreshPolicy();
    const view = await readSettings();
    expect(view.values.sourceName).toBe('Org Sourcing');
    expect(view.values.disabledAdapters).toEqual(['lever']);
    expect(view.values.retentionDays).toBe(30);
    expect(view.managed.sort()).toEqual(['disabledAdapters', 'sourceName']);
    await expect(writeSetting('sourceName', 'Mine')).rejects.toBeInstanceOf(ManagedSettingError);
  });
});

describe('sync rules fixed by policy', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await resetDbForTests();
  });

  it('the policy’s interval and countries win over local ones, local changes are refused, bad values ignored', async () => {
    const { readPullInterval, writePullInterval, readCountryFilter, writeCountryFilter } = await import('@/lib/jobs');
    await writePullInterval(60);
    await writeCountryFilter(['es']);
    expect(await readPullInterval()).toBe(60);
    expect(await readCountryFilter()).toEqual(['ES']);

    await fakeBrowser.storage.managed.set({ pullIntervalMinutes: 720, countries: ['de', 'pt'] });
    await refreshPolicy();
    expect(await readPullInterval()).toBe(720);
    expect(await readCountryFilter()).toEqual(['DE', 'PT']);
    await expect(writePullInterval(30)).rejects.toBeInstanceOf(ManagedSettingError);
    await expect(writeCountryFilter(['FR'])).rejects.toBeInstanceOf(ManagedSettingError);
    expect((await readSettings()).managedSyncRules).toEqual({ pullIntervalMinutes: 720, countries: ['DE', 'PT'] });

    await fakeBrowser.storage.managed.set({ pullIntervalMinutes: 5, countries: 'everywhere' });
    await refreshPolicy();
    expect(await readPullInterval()).toBe(60);
    expect(await readCountryFilter()).toEqual(['ES']);
  });

  it('the field mapping is a typed setting the policy may fix; a malformed one is refused or ignored', async () => {
    const mapping = { entityDefaults: { '12': { teamId: '21', locationId: '31' } }, customFields: { '501': { from: 'fixed', value: 'M' }, '502': { from: 'ats', field: 'jobTitle' } } };
    expect((await writeSetting('fieldMapping', mapping)).values.fieldMapping).toEqual(mapping);
    await expect(writeSetting('fieldMapping', { entityDefaults: {}, customFields: { '501': { from: 'ats', field: 'salary' } } })).rejects.toThrow();
    await fakeBrowser.storage.managed.set({ fieldMapping: { entityDefaults: { '11': { teamId: '22' } }, customFields: {} } });
    await refreshPolicy();
    const view = await readSettings();
    expect(view.managed).toContain('fieldMapping');
    expect(view.values.fieldMapping.entityDefaults).toEqual({ '11': { teamId: '22' } });
    await expect(writeSetting('fieldMapping', mapping)).rejects.toBeInstanceOf(ManagedSettingError);
    await fakeBrowser.storage.managed.set({ fieldMapping: { customFields: { '501': { from: 'guess' } } } });
    await refreshPolicy();
    expect((await readSettings()).values.fieldMapping).toEqual(mapping);
  });
});

describe('the policy is read once and kept, never waited for', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await resetDbForTests();
  });

  it('settings answer at once with the last known policy while the store does not answer', async () => {
    await fakeBrowser.storage.managed.set({ sourceName: 'Org Sourcing' });
    await refreshPolicy();
    // The store stops answering (Chromium's first read after a browser start): reads go on with what was known.
    const managed = fakeBrowser.storage.managed as unknown as { get: (...args: unknown[]) => Promise<unknown> };
    const realGet = managed.get;
    let asked = 0;
    managed.get = () => (asked++, new Promise(() => undefined));
    try {
      const view = await readSettings();
      expect(view.values.sourceName).toBe('Org Sourcing');
      expect(view.managed).toEqual(['sourceName']);
      await expect(writeSetting('sourceName', 'Mine')).rejects.toBeInstanceOf(ManagedSettingError);
      expect(asked).toBe(0);
    } finally {
      managed.get = realGet;
    }
  });

  it('a changed policy is known after the next read; the deployed connections (their keys) are not kept', async () => {
    await fakeBrowser.storage.managed.set({ sourceName: 'Org Sourcing', connections: { hr: { provider: 'factorial-hr', apiKey: 'secret-key-123' } } });
    const read = await refreshPolicy();
    expect(read.connections).toBeDefined();
    expect(JSON.stringify(await knownPolicy())).not.toContain('secret-key-123');
    await fakeBrowser.storage.managed.clear();
    await fakeBrowser.storage.managed.set({ retentionDays: 10 });
    expect((await readSettings()).values.sourceName).toBe('Org Sourcing');
    await refreshPolicy();
    const view = await readSettings();
    expect(view.values).toMatchObject({ sourceName: 'Hirebridge', retentionDays: 10 });
    expect(view.managed).toEqual(['retentionDays']);
  });
});
