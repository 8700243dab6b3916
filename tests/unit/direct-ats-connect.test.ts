import { describe, expect, it } from 'vitest';
import { ConnectInput, DIRECT_ATS_CARDS, PROVIDER_NAMES } from '@/lib/connections/intents';
import { pacedVendorOf } from '@/lib/connections/pacing';
import { DEFAULT_PACE_LIMITS, pacerFor } from '@/lib/outbox';
import { DIRECT_ATS } from '@/lib/connectors/directory';
import { grantedAtsMatches } from '@/lib/sites/granted-hosts';

describe('connecting a direct ATS', () => {
  it('every card is offered by name, with exactly one secret field, and has its connector', () => {
    for (const card of DIRECT_ATS_CARDS) {
      expect(PROVIDER_NAMES[card.provider]).toBe(card.name);
      expect(card.fields.filter((f) => f.key === 'secret')).toHaveLength(1);
      expect(card.environments.length).toBeGreaterThan(0);
      expect(DIRECT_ATS.find((d) => d.provider === card.provider)?.create).toBeTypeOf('function');
    }
  });

  it('names the missing field by the label the vendor gives it', () => {
    const card = DIRECT_ATS_CARDS.find((c) => c.fields.some((f) => f.key === 'accountId'))!;
    const account = card.fields.find((f) => f.key === 'accountId')!;
    const secret = card.fields.find((f) => f.key === 'secret')!;
    const parsed = ConnectInput.safeParse({ provider: card.provider, environment: card.environments[0].value, apiKey: '', accountId: '' });
    expect(parsed.success).toBe(false);
    const messages = Object.fromEntries(parsed.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(messages.accountId).toContain(account.label);
    expect(messages.apiKey).toContain(secret.label);
  });

  it('refuses an environment the vendor does not have, and a Custom one without a base URL', () => {
    const card = DIRECT_ATS_CARDS[0];
    const secretOnly = Object.fromEntries(card.fields.map((f) => [f.key === 'secret' ? 'apiKey' : 'accountId', 'abcdefgh1234']));
    const wrongEnv = ConnectInput.safeParse({ provider: card.provider, environment: 'moon', ...secretOnly });
    expect(wrongEnv.error?.issues.map((i) => i.path[0])).toContain('environment');
    const custom = ConnectInput.safeParse({ provider: card.provider, environment: 'custom', ...secretOnly });
    expect(custom.error?.issues.map((i) => i.path[0])).toContain('baseUrl');
    const fine = ConnectInput.safeParse({ provider: card.provider, environment: card.environments[0].value, ...secretOnly });
    expect(fine.success).toBe(true);
  });

  it('paces each direct ATS in its own window, by the limits its card declares', () => {
    for (const card of DIRECT_ATS_CARDS) {
      expect(pacedVendorOf(card.provider)).toBe(card.provider);
      expect(DEFAULT_PACE_LIMITS[card.provider]?.maxInFlight).toBe(card.pace.maxInFlight);
      expect(pacerFor(card.provider)).not.toBe(pacerFor('factorial'));
    }
    expect(pacedVendorOf('factorial-ats')).toBe('factorial');
    expect(pacedVendorOf('kombo')).toBe('kombo');
  });

  it('a vendor API host granted to the extension is never taken for an ATS page (Firefox lists declared hosts as granted)', () => {
    // Workable's API is on the account's own web-app host (<subdomain>.workable.com/spi/v3): a wildcard, left out here.
    const apiOrigins = DIRECT_ATS_CARDS.flatMap((card) => card.apiHosts).filter((pattern) => !pattern.includes('*.'));
    expect(apiOrigins.length).toBeGreaterThan(0);
    expect(grantedAtsMatches(apiOrigins)).toEqual([]);
  });
});
