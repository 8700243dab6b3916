// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '@/lib/sites/adapters';
import { BUILT_IN_ATS_HOSTS, siteForUrl } from '@/lib/sites/where';
import { matchesPattern, parseMatchPattern } from '@/lib/sites/match-pattern';
import type { SiteAdapter, TestUrl } from '@/lib/sites/types';

/**
 * Every adapter file lists URLs of its real app with the public evidence they come from (as refined-github's
 * features do); this runs every list. A URL shape seen in public that an adapter misreads fails here.
 */

const modules = import.meta.glob<Record<string, unknown>>('../../../lib/sites/adapters/*.ts', { eager: true });
const files = Object.entries(modules).filter(([file]) => !file.endsWith('/index.ts'));
/** Adapters for which no public URL or DOM evidence was found (said so in their file). */
const NO_PUBLIC_EVIDENCE = new Set(['screenloop']);

function adapterOf(module: Record<string, unknown>): SiteAdapter {
  const found = Object.values(module).filter((value): value is SiteAdapter => ADAPTERS.includes(value as SiteAdapter));
  expect(found, 'one adapter per file').toHaveLength(1);
  return found[0];
}

describe('adapter files', () => {
  it('one file per shipped adapter, each with its test URLs', () => {
    expect(files.map(([, m]) => adapterOf(m).id).sort()).toEqual(ADAPTERS.map((a) => a.id).sort());
    for (const [file, module] of files) {
      const urls = module.testUrls as TestUrl[] | undefined;
      expect(Array.isArray(urls), `${file} exports testUrls`).toBe(true);
      const adapter = adapterOf(module);
      if (!NO_PUBLIC_EVIDENCE.has(adapter.id)) expect(urls!.filter((u) => u.kind !== 'not-site' && u.kind !== null).length, file).toBeGreaterThan(0);
      for (const u of urls!) expect(u.source.length, `${u.url} names its source`).toBeGreaterThan(10);
    }
  });
});

describe.each(files.filter(([, m]) => (m.testUrls as TestUrl[]).length > 0).map(([file, module]) => [adapterOf(module).id, file, module] as const))('%s: real URLs', (_id, _file, module) => {
  const adapter = adapterOf(module);
  const urls = module.testUrls as TestUrl[];

  it.each(urls.map((u) => [u.url, u] as const))('%s', (_url, u) => {
    const url = new URL(u.url);
    if (u.kind === 'not-site' || u.kind === 'public') {
      // No adapter claims it; the content script is not declared there, unless the ATS's wildcard covers it.
      expect(siteForUrl(url)).toBeUndefined();
      expect(BUILT_IN_ATS_HOSTS.some((p) => matchesPattern(p, url))).toBe(u.kind === 'public');
      return;
    }
    expect(siteForUrl(url)?.id).toBe(adapter.id);
    expect(adapter.pageKind(url)).toBe(u.kind);
    expect(adapter.candidateId(url)).toBe(u.kind === 'candidate' ? (u.id ?? null) : null);
    // Every id the address gives reaches the candidate both buttons act on (an empty page: only the URL speaks).
    const onPage = adapter.candidate?.(document.implementation.createHTMLDocument(''), url);
    if (!adapter.candidate) return; // the demo ATS reads its own pages (tests/unit/sites/adapters.test.ts)
    if (u.kind === 'candidate' && u.id) {
      const ids = { siteCandidateId: onPage?.siteCandidateId, siteApplicationId: onPage?.siteApplicationId, siteJobId: onPage?.siteJobId };
      expect(ids).toEqual({ siteCandidateId: u.id, siteApplicationId: u.applicationId, siteJobId: u.jobId });
    } else if (u.kind !== 'candidate') {
      expect(onPage ?? null).toBeNull();
    }
    // Where the content script runs: a built-in (manifest) host, or a host an admin must grant first.
    const declared = adapter.hosts.some((p) => matchesPattern(p, url));
    if (adapter.needsGrant) expect(adapter.needsGrant(url)).toBe(!declared);
    if (!declared) expect(adapter.grantableHost?.test(url.hostname), 'an undeclared host is grantable').toBe(true);
  });
});

describe('match patterns and host checks are one rule', () => {
  it.each(ADAPTERS.filter((a) => a.needsGrant).map((a) => [a.id, a] as const))('%s accepts exactly its declared hosts, plus grantable ones', (_id, adapter) => {
    for (const pattern of adapter.hosts) {
      const { host } = parseMatchPattern(pattern);
      const bare = pattern.replace(/^https:\/\/(\*\.)?/, '').replace(/\/\*$/, '');
      const sample = new URL(`https://${pattern.includes('*.') ? `acme.${bare}` : bare}/`);
      expect(host.test(sample.hostname)).toBe(true);
      expect(adapter.isSite(sample), pattern).toBe(true);
      expect(adapter.needsGrant!(sample), pattern).toBe(false);
      // http is never the ATS, even on its host.
      expect(adapter.isSite(new URL(sample.href.replace('https:', 'http:')))).toBe(false);
    }
  });

  it('declares Greenhouse numbered hosts beyond app6, the EU region, and Lever/Teamtailor regions', () => {
    for (const host of ['app7', 'app12', 'app20'].map((h) => `https://${h}.greenhouse.io/*`)) expect(BUILT_IN_ATS_HOSTS).toContain(host);
    for (const host of ['https://app.eu.greenhouse.io/*', 'https://hire.eu.lever.co/*', 'https://hire.sandbox.lever.co/*', 'https://tt.na.teamtailor.com/*']) expect(BUILT_IN_ATS_HOSTS).toContain(host);
    // Career sites are not the ATS: Recruitee and Teamtailor no longer declare their wildcard.
    expect(BUILT_IN_ATS_HOSTS).not.toContain('https://*.recruitee.com/*');
    expect(BUILT_IN_ATS_HOSTS).not.toContain('https://*.teamtailor.com/*');
  });
});
