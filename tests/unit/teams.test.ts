import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db, resetDbForTests } from '@/lib/db';
import type { ConnectionRecord } from '@/lib/connections/records';
import { forgetVaultKeyForTests, sealSecret } from '@/lib/secrets';
import { saveRecipe } from '@/lib/recipes/store';
import { readSettings, refreshPolicy, writeSetting } from '@/lib/settings';
import { setPassphrase, lock, unlock } from '@/lib/security';
import { applyManagedPolicy, exportTeamSetup, importTeamSetup, importTeamSetupAsAsked, openWithPassphrase, parseTeamSetup, refuseOnRecruiterBrowser, sealWithPassphrase, SETUP_FORMAT, teamSetupStatus } from '@/lib/teams';

const PASS = 'correct horse battery';
// Fewer rounds than the product's 310,000 keep the unit tests quick; the format carries the count either way.
const FAST = 100_000;

function fileWith(overrides: Record<string, unknown> = {}) {
  return {
    format: SETUP_FORMAT,
    version: 1,
    createdAt: '2026-12-01T10:00:00.000Z',
    company: { name: 'Acme', factorialCompanyId: '42', komboIntegrationId: 'greenhouse:acme' },
    connections: [],
    settings: { sourceName: 'Acme Sourcing' },
    syncRules: {},
    ...overrides,
  };
}

async function storeConnection(record: Partial<ConnectionRecord> & Pick<ConnectionRecord, 'slot' | 'provider'>) {
  const sealed = await sealSecret('sbx-kombo-8e51b0c2d7');
  await db().secrets.put(sealed);
  const now = new Date().toISOString();
  await db().connections.put({ environment: 'custom', baseUrl: 'http://127.0.0.1:1/kombo/v1', keyHint: 'c2d7', secretId: sealed.id, connectedAt: now, lastCheckAt: now, lastCheckOk: true, ...record });
}

describe('keys encrypted to a passphrase', () => {
  it('opens with the passphrase and with nothing else; an edited ciphertext does not open', async () => {
    const sealed = await sealWithPassphrase('sbx-factorial-3f9a2c7d41', PASS, FAST);
    expect(JSON.stringify(sealed)).not.toContain('3f9a2c7d41');
    expect(await openWithPassphrase(sealed, PASS)).toBe('sbx-factorial-3f9a2c7d41');
    expect(await openWithPassphrase(sealed, 'correct horse batterY')).toBeNull();
    const bytes = atob(sealed.ciphertext);
    const edited = btoa(String.fromCharCode(bytes.charCodeAt(0) ^ 1) + bytes.slice(1));
    expect(await openWithPassphrase({ ...sealed, ciphertext: edited }, PASS)).toBeNull();
  });
});

describe('reading a team setup file', () => {
  it('says what is wrong with a file that is not JSON, not a setup, from a newer version or damaged', () => {
    expect(() => parseTeamSetup('{"format": "hirebridge-team-setup", ')).toThrow(/not valid JSON/);
    expect(() => parseTeamSetup(JSON.stringify({ hello: 'world' }))).toThrow(/not a Hirebridge team setup file/);
    expect(() => parseTeamSetup(JSON.stringify(fileWith({ version: 4, somethingNew: true })))).toThrow(/newer version of Hirebridge \(format 4\)/);
    expect(() => parseTeamSetup(JSON.stringify(fileWith({ settings: { retentionDays: 'forever' } })))).toThrow(/damaged \(settings\.retentionDays/);
    expect(() => parseTeamSetup(JSON.stringify(fileWith({ connections: [{ provider: 'workday', environment: 'eu' }] })))).toThrow(/damaged \(connections\.0\.provider/);
  });

  it('applies only the settings the file names (no defaults slipped in)', () => {
    expect(parseTeamSetup(JSON.stringify(fileWith())).settings).toEqual({ sourceName: 'Acme Sourcing' });
  });
});

describe('importing a team setup', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    forgetVaultKeyForTests();
    await resetDbForTests();
  });

  it('refuses a file for another company and changes nothing', async () => {
    await storeConnection({ slot: 'ats', provider: 'kombo', integrationId: 'greenhouse:other-co' });
    await expect(importTeamSetup(JSON.stringify(fileWith()))).rejects.toThrow(/for another company/);
    expect((await readSettings()).values.sourceName).toBe('Hirebridge');
    expect((await db().connections.get('ats'))?.integrationId).toBe('greenhouse:other-co');
    expect((await teamSetupStatus()).role).toBe('admin');
  });

  it('refuses a wrong or missing passphrase and changes nothing', async () => {
    const key = await sealWithPassphrase('sbx-kombo-8e51b0c2d7', PASS, FAST);
    const text = JSON.stringify(fileWith({ connections: [{ provider: 'kombo', environment: 'custom', baseUrl: 'http://127.0.0.1:1/kombo/v1', integrationId: 'greenhouse:acme', key }] }));
    await expect(importTeamSetup(text)).rejects.toThrow(/type the passphrase/);
    await expect(importTeamSetup(text, 'not the passphrase')).rejects.toThrow(/does not open the keys/);
    expect(await db().connections.count()).toBe(0);
    expect((await readSettings()).values.sourceName).toBe('Hirebridge');
    expect((await teamSetupStatus()).role).toBe('admin');
  });

  it('on an admin’s browser with a passphrase, importing waits for it to be unlocked; a recruiter’s browser takes a newer file as it comes', async () => {
    const text = JSON.stringify(fileWith({ connections: [{ provider: 'kombo', environment: 'eu', integrationId: 'greenhouse:acme' }] }));
    await setPassphrase('an admin passphrase');
    await lock();
    await expect(importTeamSetupAsAsked(text)).rejects.toMatchObject({ code: 'locked' });
    expect((await readSettings()).values.sourceName).toBe('Hirebridge');
    expect((await teamSetupStatus()).role).toBe('admin');
    await unlock('an admin passphrase', async () => {});
    await importTeamSetupAsAsked(text);
    expect((await teamSetupStatus()).role).toBe('recruiter');
    await lock();
    // Now a recruiter's browser: a newer file from the admin needs no passphrase here.
    await expect(importTeamSetupAsAsked(JSON.stringify({ ...fileWith(), createdAt: '2026-12-02T10:00:00.000Z' }))).resolves.toMatchObject({ createdAt: '2026-12-02T10:00:00.000Z' });
  });

  it('a file without keys sets the settings and marks the browser as a recruiter’s', async () => {
    const summary = await importTeamSetup(JSON.stringify(fileWith({ connections: [{ provider: 'kombo', environment: 'eu', integrationId: 'greenhouse:acme' }] })));
    expect(summary).toMatchObject({ connected: [], withoutKey: ['ats'], createdAt: '2026-12-01T10:00:00.000Z' });
    expect((await readSettings()).values.sourceName).toBe('Acme Sourcing');
    expect(await teamSetupStatus()).toMatchObject({ role: 'recruiter', by: 'file', companyName: 'Acme', keysToConnect: ['ats'] });
    // Admin actions are the admin's now, except connecting what the file left without a key.
    await expect(refuseOnRecruiterBrowser('setJobActive')).rejects.toThrow(/done by your admin/);
    await expect(refuseOnRecruiterBrowser('connect')).resolves.toBeUndefined();
  });

  it('exports keys only encrypted, and never a key deployed by policy', async () => {
    await storeConnection({ slot: 'ats', provider: 'kombo', integrationId: 'greenhouse:acme' });
    await storeConnection({ slot: 'hr', provider: 'factorial-hr', companyId: '42', origin: 'policy' });
    await expect(exportTeamSetup('short')).rejects.toThrow(/at least 10 characters/);
    const { text, fileName } = await exportTeamSetup(PASS);
    expect(fileName).toMatch(/^hirebridge-team-setup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(text).not.toContain('8e51b0c2d7');
    const file = parseTeamSetup(text);
    expect(file.connections.map((c) => c.provider)).toEqual(['kombo']);
    expect(await openWithPassphrase(file.connections[0]!.key!, PASS)).toBe('sbx-kombo-8e51b0c2d7');
    expect(file.company).toMatchObject({ komboIntegrationId: 'greenhouse:acme', factorialCompanyId: '42' });
    const keyless = parseTeamSetup((await exportTeamSetup()).text);
    expect(keyless.connections[0]!.key).toBeUndefined();
  });

  it('is written as version 2 while its recipes are plain, as version 3 once one reads a query id or a panel; both are read back', async () => {
    await saveRecipe({ host: 'app.breezy.hr', path: '/candidates/:id', fields: { name: 'h2.cand-name' } });
    const plain = JSON.parse((await exportTeamSetup()).text);
    expect(plain.version).toBe(2);
    await saveRecipe({ host: 'app.loxo.co', path: '/agencies/*/people?person_id=:id', fields: { panel: 'aside.profile-drawer', name: 'h2' } });
    const shaped = (await exportTeamSetup()).text;
    expect(JSON.parse(shaped).version).toBe(3);
    expect(parseTeamSetup(shaped).siteRecipes?.map((r) => r.path)).toEqual(['/candidates/:id', '/agencies/*/people?person_id=:id']);
  });
});

describe('the field mapping travels in the team setup file', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    forgetVaultKeyForTests();
    await resetDbForTests();
  });

  it('the admin’s mapping (ATS custom fields and offer as sources too) is exported, and imported as the recruiter’s', async () => {
    const mapping = {
      entityDefaults: { '12': { teamId: '21', managerId: '101', trialMonths: 6 } },
      customFields: { '501': { from: 'atsCustom' as const, on: 'application' as const, key: 'cost_centre' }, '502': { from: 'fixed' as const, value: 'Mac' } },
      employeeFields: { startDate: { from: 'offer' as const, key: 'employment_start_date' } },
    };
    await writeSetting('fieldMapping', mapping);
    const file = parseTeamSetup((await exportTeamSetup()).text);
    expect(file.settings.fieldMapping).toEqual(mapping);

    await resetDbForTests();
    expect((await readSettings()).values.fieldMapping).toEqual({ entityDefaults: {}, customFields: {} });
    await importTeamSetup(JSON.stringify({ ...file, company: {} }));
    expect((await readSettings()).values.fieldMapping).toEqual(mapping);
    // A recruiter's browser: changing the mapping is the admin's, and the page says why from its first render.
    await expect(refuseOnRecruiterBrowser('changeSetting')).rejects.toThrow(/done by your admin/);
    expect((await teamSetupStatus()).adminReason).toBe('This browser follows your team’s setup, so this is done by your admin.');
  });

  it('a mapping of the wrong shape makes the file damaged, and nothing changes', async () => {
    const text = JSON.stringify(fileWith({ settings: { fieldMapping: { entityDefaults: {}, customFields: { '501': { from: 'atsCustom', on: 'offer', key: 'x' } } } } }));
    expect(() => parseTeamSetup(text)).toThrow(/damaged \(settings\.fieldMapping\.customFields\.501/);
    await expect(importTeamSetup(text)).rejects.toThrow(/damaged/);
    expect((await teamSetupStatus()).role).toBe('admin');
  });
});

describe('the organisation’s policy', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    forgetVaultKeyForTests();
    await resetDbForTests();
  });

  it('ignores unknown keys and wrong values one by one, with a note each, and never half-applies a connection', async () => {
    await fakeBrowser.storage.managed.set({
      managedBy: 'Acme IT',
      favouriteFruit: 'mango',
      retentionDays: 'forever',
      activeJobIds: ['KJ000002'],
      connections: {
        hr: { provider: 'factorial-hr', environment: 'moon', apiKey: 'sbx-factorial-3f9a2c7d41' },
        ats: { provider: 'factorial-hr', environment: 'production', apiKey: 'sbx-factorial-3f9a2c7d41' },
        crm: {},
      },
    });
    const report = await applyManagedPolicy();
    expect(report.notes).toEqual(
      expect.arrayContaining([
        '“favouriteFruit” is not a Hirebridge policy setting, so it was ignored.',
        expect.stringMatching(/^“retentionDays” was ignored: /),
        '“connections.crm” is not a Hirebridge policy setting, so it was ignored.',
        expect.stringMatching(/^The hr connection in the policy was ignored \(environment: /),
        'The ats connection in the policy was ignored (provider: factorial-hr does not belong in "ats"). Ask your admin to correct the policy.',
      ]),
    );
    expect(report.notes).toHaveLength(5);
    expect(await db().connections.count()).toBe(0);
    expect(report.slots).toEqual(['hr', 'ats']);
    // What was right still applies: the browser is the organisation's, admin actions are the admin's.
    expect(await teamSetupStatus()).toMatchObject({ role: 'recruiter', by: 'policy', companyName: 'Acme IT', policySlots: ['hr', 'ats'] });
    await expect(refuseOnRecruiterBrowser('changeSetting')).rejects.toThrow(/done by your admin/);
    await expect(importTeamSetup(JSON.stringify(fileWith()))).rejects.toThrow(/done by your admin/);
  });

  it('a policy store that does not answer in time removes no deployed connection (the last known policy has none)', async () => {
    await storeConnection({ slot: 'hr', provider: 'factorial-hr', origin: 'policy', baseUrl: 'http://127.0.0.1:1/factorial' });
    await storeConnection({ slot: 'ats', provider: 'kombo', origin: 'policy' });
    const deployed = { hr: { provider: 'factorial-hr', environment: 'custom', baseUrl: 'http://127.0.0.1:1/factorial', apiKey: 'sbx-factorial-3f9a2c7d41' } };
    await fakeBrowser.storage.managed.set({ managedBy: 'Acme IT', connections: deployed });
    // Known from an earlier start (kept without its connections: their keys are never stored in clear).
    await refreshPolicy();
    // The next start: Chromium's store is slow to answer its first read, here slower than the reader waits.
    const managed = fakeBrowser.storage.managed as unknown as { get: (...args: unknown[]) => Promise<unknown> };
    const realGet = managed.get;
    managed.get = () => new Promise(() => undefined);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const applying = applyManagedPolicy();
      await vi.advanceTimersByTimeAsync(5_000);
      await applying;
    } finally {
      vi.useRealTimers();
      managed.get = realGet;
    }
    expect((await db().connections.toArray()).map((c) => [c.slot, c.origin, c.lastCheckOk])).toEqual([
      ['ats', 'policy', true],
      ['hr', 'policy', true],
    ]);
    expect(await db().activity.count()).toBe(0);
  });

  it('a policy that no longer manages anything gives the browser back', async () => {
    await fakeBrowser.storage.managed.set({ managedBy: 'Acme IT' });
    await applyManagedPolicy();
    expect((await teamSetupStatus()).role).toBe('recruiter');
    await fakeBrowser.storage.managed.clear();
    await fakeBrowser.storage.managed.set({ sourceName: 'Acme Sourcing' });
    await applyManagedPolicy();
    expect((await teamSetupStatus()).role).toBe('admin');
  });
});
