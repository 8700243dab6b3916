import { describe, expect, it } from 'vitest';
import { komboTrackingHint } from '@/lib/hires/tracking';
import { t } from '@/components/popup/messages';

describe('why the hired list may be empty: Kombo’s “Only Sync Created Applications”', () => {
  const greenhouse = { provider: 'kombo', tool: 'greenhouse', toolName: 'Greenhouse' };
  it('is said when Kombo’s hired listing came back with nobody, naming the ATS and whether an import is possible', () => {
    expect(komboTrackingHint(greenhouse, { ok: true, pulled: 0 })).toEqual({ tool: 'Greenhouse', canImport: true });
    expect(komboTrackingHint({ provider: 'kombo', tool: 'lever', toolName: 'Lever' }, { ok: true, pulled: 0 })).toEqual({ tool: 'Lever', canImport: false });
  });

  it('is not said when Kombo listed hires, when the listing failed (its own message shows), or for another ATS', () => {
    expect(komboTrackingHint(greenhouse, { ok: true, pulled: 2 })).toBeNull();
    expect(komboTrackingHint(greenhouse, { ok: false, pulled: 0 })).toBeNull();
    expect(komboTrackingHint(greenhouse, undefined)).toBeNull();
    expect(komboTrackingHint({ provider: 'factorial-ats', tool: 'factorial' }, { ok: true, pulled: 0 })).toBeNull();
    expect(komboTrackingHint(undefined, { ok: true, pulled: 0 })).toBeNull();
  });

  it('says why and what to do, in English and Spanish', () => {
    const { en, es } = t.messages;
    expect(en.trackingHiddenImport).toMatch(/Only Sync Created Applications.*Kombo admin.*Export to FactorialHR/);
    expect(es.trackingHiddenImport).toMatch(/Only Sync Created Applications.*administra Kombo.*Exportar a FactorialHR/);
    expect(en.trackingHiddenAskAdmin).toMatch(/cannot import \{tool\} applications.*Kombo admin/);
    expect(es.trackingHiddenAskAdmin).toContain('no puede importar candidaturas de {tool}');
  });
});
