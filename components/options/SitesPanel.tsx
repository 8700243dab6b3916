import { useCallback, useEffect, useId, useState } from 'react';
import { sendIntent } from '@/lib/messaging';
import { AdminLockNote, useAdminLock } from './admin-lock';
import type { SettingChange, SettingsView } from '@/lib/settings/schema';
import { SITES } from '@/lib/sites/where';
import { demoAtsSite } from '@/lib/sites/where/demo-ats';
import { grantableAddress, grantedAtsHosts } from '@/lib/sites/granted-hosts';
import { usePolicyApplied } from '@/lib/teams/queries';
import { t } from './messages';
import { SitesHealth, SitesRecipes } from './SitesRecipes';
import { Panel } from './Panel';

/** The admin settings as the worker reports them (with what the organisation's policy manages), and a way to change one. */
export function useSettings() {
  const [view, setView] = useState<SettingsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Read again once the worker has applied a policy it learnt after this page opened.
  const policyApplied = usePolicyApplied();
  useEffect(() => {
    sendIntent('readSettings', undefined)
      .then((result) => (result.ok ? setView(result.value) : setError(result.error.message)))
      .catch(() => setError(t('noContact'))); // the worker did not answer: the region says so
  }, [policyApplied]);
  const change = useCallback(async (next: SettingChange) => {
    // Shown at once (a checkbox must follow the click); the worker's answer then confirms or corrects it.
    let before: SettingsView | null = null;
    setView((current) => ((before = current), current && { ...current, values: { ...current.values, [next.name]: next.value } }));
    const result = await sendIntent('changeSetting', next).catch(() => null); // no answer: handled below as not saved
    if (result?.ok) {
      setView(result.value);
      setError(null);
    } else {
      setView(before);
      setError(result ? result.error.message : t('noContact'));
    }
    return !!result?.ok;
  }, []);
  return { view, error, change };
}

/** The demo ATS runs on this computer (the sandbox): its hosts are an optional permission, granted here. */
const LOCAL_DEMO_ORIGINS = [...demoAtsSite.hosts];

/**
 * Whether the demo ATS on this computer may be reached (either of its hosts granted), kept current when the
 * permission changes elsewhere (chrome://extensions), with a way to ask for it and to give it back.
 */
function useLocalDemoAccess() {
  const [allowed, setAllowed] = useState<boolean | null>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    const read = () =>
      Promise.all(LOCAL_DEMO_ORIGINS.map((origin) => browser.permissions.contains({ origins: [origin] }).catch(() => false) /* unknown origin pattern: not granted */)).then((granted) =>
        setAllowed(granted.some(Boolean)),
      );
    void read();
    browser.permissions.onAdded.addListener(read);
    browser.permissions.onRemoved.addListener(read);
    return () => {
      browser.permissions.onAdded.removeListener(read);
      browser.permissions.onRemoved.removeListener(read);
    };
  }, []);
  async function allow() {
    // Asked for at run time (optional permission), in this click's user gesture.
    const granted = await browser.permissions.request({ origins: LOCAL_DEMO_ORIGINS }).catch(() => false); // refused or not askable: the note below says it was not allowed
    setNote(granted ? t('demoAllowed') : t('demoNotAllowed'));
    if (granted) setAllowed(true);
  }
  async function revoke() {
    const removed = await browser.permissions.remove({ origins: LOCAL_DEMO_ORIGINS }).catch(() => false); // could not be removed: the note below says so
    setNote(removed ? t('demoRevoked') : t('demoNotRevoked'));
    if (removed) setAllowed(false);
  }
  return { allowed, note, allow, revoke };
}

/** Region "Sites": which ATS web apps get Hirebridge's buttons, and local addresses granted at run time. */
export function SitesPanel() {
  const lockId = useId();
  // Which sites get the buttons is the admin's; allowing an address on this computer stays the browser's own.
  const locked = !!useAdminLock();
  const revokeHintId = useId();
  const { view, error, change } = useSettings();
  const [grantNote, setGrantNote] = useState<string | null>(null);
  const addressId = useId();
  const [address, setAddress] = useState('');
  const [addressError, setAddressError] = useState<string | null>(null);
  const [granted, setGranted] = useState<ReturnType<typeof grantedAtsHosts>>([]);
  const refreshGranted = useCallback(async () => setGranted(grantedAtsHosts((await browser.permissions.getAll()).origins ?? [])), []);
  useEffect(() => {
    void refreshGranted();
  }, [refreshGranted]);
  const disabled = new Set(view?.values.disabledAdapters ?? []);
  const managed = !!view?.managed.includes('disabledAdapters');

  const toggle = (id: string, on: boolean) => {
    const next = new Set(disabled);
    if (on) next.delete(id);
    else next.add(id);
    void change({ name: 'disabledAdapters', value: [...next].sort() });
  };

  const demo = useLocalDemoAccess();

  async function allowAddress() {
    const read = grantableAddress(address);
    if (!read.ok) {
      const host = address.trim().replace(/^https?:\/\//i, '').split('/')[0];
      const ats = read.adapter?.name ?? '';
      setAddressError(
        read.reason === 'not-an-address' ? t('addressNotAnAddress') : read.reason === 'not-https' ? t('addressNotHttps') : read.reason === 'built-in' ? t('addressBuiltIn', { host, ats }) : t('addressUnknown', { host }),
      );
      return;
    }
    setAddressError(null);
    // Asked for in this click's user gesture; the worker registers the content script when the grant arrives.
    const ok = await browser.permissions.request({ origins: [read.origin] });
    setGrantNote(ok ? t('addressAllowed', { ats: read.adapter.name, host: read.host }) : t('demoNotAllowed'));
    if (ok) setAddress('');
    await refreshGranted();
  }

  async function removeAddress(host: string, origin: string) {
    await browser.permissions.remove({ origins: [origin] });
    setGrantNote(t('addressRemoved', { host }));
    await refreshGranted();
  }

  return (
    <Panel title={t('sitesTitle')}>
      <p className="hb-sub">{t('sitesSub')}</p>
      {managed && <p className="hb-note">{t('managedNote')}</p>}
      <AdminLockNote id={lockId} />
      {error && (
        <p className="hb-alert" role="alert">
          {error}
        </p>
      )}
      {view && (
        <ul className="hb-sites">
          {SITES.map((adapter) => (
            <li key={adapter.id}>
              <label>
                <input type="checkbox" checked={!disabled.has(adapter.id)} disabled={managed || locked} aria-describedby={locked ? lockId : undefined} onChange={(e) => toggle(adapter.id, e.target.checked)} />
                {adapter.name}
              </label>
            </li>
          ))}
        </ul>
      )}
      <div className="hb-field">
        <label htmlFor={addressId}>{t('signInAddress')}</label>
        <span className="hb-actions">
          <input
            id={addressId}
            value={address}
            placeholder="acme.greenhouse.io"
            aria-invalid={!!addressError}
            aria-describedby={`${addressId}-hint`}
            onChange={(e) => (setAddress(e.target.value), setAddressError(null))}
          />
          <button type="button" disabled={!address.trim()} onClick={() => void allowAddress()}>
            {t('allowAddress')}
          </button>
        </span>
        <span className="hb-hint" id={`${addressId}-hint`}>
          {addressError ?? t('signInHint')}
        </span>
        {grantNote && (
          <span role="status" className="hb-note">
            {grantNote}
          </span>
        )}
      </div>
      {granted.length > 0 && (
        <>
          <h3>{t('grantedAddresses')}</h3>
          <ul className="hb-sites">
            {granted.map((g) => (
              <li key={g.origin}>
                {g.host} ({g.adapterName}){' '}
                <button type="button" onClick={() => void removeAddress(g.host, g.origin)}>
                  {t('removeAddress', { host: g.host })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="hb-actions">
        {demo.allowed ? (
          <>
            <span className="hb-note">{t('demoIsAllowed')}</span>
            <button type="button" onClick={() => void demo.revoke()} aria-describedby={revokeHintId}>
              {t('revokeDemo')}
            </button>
            <span className="hb-note" id={revokeHintId}>
              {t('revokeDemoHint')}
            </span>
          </>
        ) : (
          demo.allowed === false && (
            <button type="button" onClick={() => void demo.allow()}>
              {t('allowDemo')}
            </button>
          )
        )}
        {demo.note && (
          <span role="status" className="hb-note">
            {demo.note}
          </span>
        )}
      </div>
      <SitesRecipes />
      <SitesHealth />
    </Panel>
  );
}
