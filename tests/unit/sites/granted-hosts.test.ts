import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { grantableAddress, grantedAtsHosts, grantedAtsMatches } from '@/lib/sites/granted-hosts';
import { isAllowedAtsPage, syncGrantedHostScripts } from '@/lib/recipes/registration';

/**
 * Hosts an admin grants at run time: a company's sign-in subdomain of Greenhouse, a Greenhouse host past the
 * declared ones, another Lever or Teamtailor stack. Only those get the content script, and the worker answers
 * their pages only while the grant lasts.
 */

describe('reading an address an admin types', () => {
  it('takes a company sign-in subdomain, with or without scheme or path', () => {
    for (const input of ['acme.greenhouse.io', 'https://acme.greenhouse.io', ' https://acme.greenhouse.io/users/sign_in ']) {
      const read = grantableAddress(input);
      expect(read.ok && [read.adapter.id, read.origin, read.host]).toEqual(['greenhouse', 'https://acme.greenhouse.io/*', 'acme.greenhouse.io']);
    }
    expect(grantableAddress('app27.greenhouse.io')).toMatchObject({ ok: true, origin: 'https://app27.greenhouse.io/*' });
    expect(grantableAddress('hire.green.lever.co')).toMatchObject({ ok: true, origin: 'https://hire.green.lever.co/*' });
    expect(grantableAddress('tt.au.teamtailor.com')).toMatchObject({ ok: true, origin: 'https://tt.au.teamtailor.com/*' });
  });

  it('refuses what is not an ATS address, says when it is already built in', () => {
    expect(grantableAddress('app7.greenhouse.io')).toMatchObject({ ok: false, reason: 'built-in' });
    expect(grantableAddress('hire.eu.lever.co')).toMatchObject({ ok: false, reason: 'built-in' });
    expect(grantableAddress('http://acme.greenhouse.io')).toMatchObject({ ok: false, reason: 'not-https' });
    expect(grantableAddress('https://user:pw@acme.greenhouse.io')).toMatchObject({ ok: false, reason: 'not-an-address' });
    expect(grantableAddress('not an address')).toMatchObject({ ok: false });
    // Greenhouse's public job boards and APIs, a lookalike, another site entirely.
    for (const host of ['boards.greenhouse.io', 'job-boards.eu.greenhouse.io', 'api.greenhouse.io', 'acme.greenhouse.io.evil.com', 'evil.com', 'jobs.lever.co', 'acme.teamtailor.com']) {
      expect(grantableAddress(host), host).toMatchObject({ ok: false, reason: 'unknown-ats' });
    }
  });

  it('turns granted origins into the content script matches: the demo paths and grantable ATS hosts only', () => {
    const origins = ['http://127.0.0.1/*', 'https://acme.greenhouse.io/*', 'https://api.factorialhr.com/*', 'https://*/*', 'https://proxy.example.com/*', 'https://app.greenhouse.io/*'];
    expect(grantedAtsMatches(origins).sort()).toEqual(['http://127.0.0.1/demo-ats/*', 'https://acme.greenhouse.io/*']);
    expect(grantedAtsHosts(origins)).toEqual([{ host: 'acme.greenhouse.io', origin: 'https://acme.greenhouse.io/*', adapterName: 'Greenhouse' }]);
  });
});

describe('registration in the worker', () => {
  let origins: string[];
  let registered: { matches: string[] }[];
  beforeEach(() => {
    fakeBrowser.reset();
    origins = [];
    registered = [];
    Object.assign(fakeBrowser.permissions, { getAll: async () => ({ origins, permissions: [] }) });
    (fakeBrowser as unknown as { scripting: unknown }).scripting = {
      registerContentScripts: async (scripts: { matches: string[] }[]) => void registered.push(...scripts),
      unregisterContentScripts: async () => void (registered = []),
    };
  });

  it('registers the content script on a granted sign-in subdomain and answers its pages while granted', async () => {
    const page = new URL('https://acme.greenhouse.io/people/40112234?application_id=9001');
    await syncGrantedHostScripts();
    expect(registered).toEqual([]);
    expect(isAllowedAtsPage(page, new Set())).toBe(false);

    origins = ['https://acme.greenhouse.io/*'];
    await syncGrantedHostScripts();
    expect(registered.map((r) => r.matches)).toEqual([['https://acme.greenhouse.io/*']]);
    expect(isAllowedAtsPage(page, new Set())).toBe(true);
    expect(isAllowedAtsPage(page, new Set(['greenhouse'])), 'switched off').toBe(false);
    // Built-in hosts never needed a grant.
    expect(isAllowedAtsPage(new URL('https://app7.greenhouse.io/people/1'), new Set())).toBe(true);

    origins = [];
    await syncGrantedHostScripts();
    expect(registered).toEqual([]);
    expect(isAllowedAtsPage(page, new Set())).toBe(false);
  });

  it('serialises concurrent syncs (a grant and a worker start together): one registration, not a duplicate id', async () => {
    origins = ['https://acme.greenhouse.io/*', 'http://localhost/*'];
    await Promise.all([syncGrantedHostScripts(), syncGrantedHostScripts(), syncGrantedHostScripts()]);
    expect(registered.map((r) => r.matches.sort())).toEqual([['http://localhost/demo-ats/*', 'https://acme.greenhouse.io/*']]);
  });

  it('a worker start with the registration already right leaves it in place (no moment without the content script)', async () => {
    origins = ['https://acme.greenhouse.io/*'];
    let unregistered = 0;
    (fakeBrowser as unknown as { scripting: unknown }).scripting = {
      getRegisteredContentScripts: async () => registered.map((r) => ({ id: 'hirebridge-ats-granted-hosts', ...r })),
      registerContentScripts: async (scripts: { matches: string[] }[]) => void registered.push(...scripts),
      unregisterContentScripts: async () => void (unregistered++, (registered = [])),
    };
    await syncGrantedHostScripts();
    await syncGrantedHostScripts();
    expect(registered.map((r) => r.matches)).toEqual([['https://acme.greenhouse.io/*']]);
    expect(unregistered).toBe(0);
    origins = ['https://acme.greenhouse.io/*', 'https://beta.greenhouse.io/*'];
    await syncGrantedHostScripts();
    expect(unregistered).toBe(1);
    expect(registered.map((r) => r.matches.sort())).toEqual([['https://acme.greenhouse.io/*', 'https://beta.greenhouse.io/*']]);
  });
});
