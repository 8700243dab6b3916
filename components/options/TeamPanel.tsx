import { useId, useState, type FormEvent } from 'react';
import { originPattern } from '@/lib/hosts';
import { formatDateTime } from '@/lib/i18n';
import { sendIntent } from '@/lib/messaging';
import { MIN_PASSPHRASE_LENGTH } from '@/lib/security/intents';
import { usePolicyApplied } from '@/lib/teams/queries';
import type { ImportSummary } from '@/lib/teams/schema';
import { t } from './team-messages';
import { Panel, PanelMessage, type PanelNotice } from './Panel';
import { useTeamStatus } from './team-status';

function slotNames(slots: Array<'hr' | 'ats'>): string {
  return slots.length ? [...slots].sort((a) => (a === 'hr' ? -1 : 1)).map((s) => t(s)).join(t('and')) : t('none');
}

/** Region "Team setup": export this browser's setup to a file (admin), import one in a recruiter's browser. */
export function TeamPanel({ onImported }: { onImported?(): void }) {
  const exportPassId = useId();
  const fileId = useId();
  const importPassId = useId();
  // Read again once the worker has applied the policy (a fresh profile's first open comes before that).
  const { status, refresh } = useTeamStatus(usePolicyApplied());
  const [includeKeys, setIncludeKeys] = useState(true);
  const [exportPass, setExportPass] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [importPass, setImportPass] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<PanelNotice | null>(null);
  const tooShort = includeKeys && exportPass.length < MIN_PASSPHRASE_LENGTH;

  async function exportSetup(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const result = await sendIntent('exportTeamSetup', includeKeys ? { passphrase: exportPass } : {});
      if (!result.ok) return setMessage({ text: result.error.message, error: true });
      const url = URL.createObjectURL(new Blob([result.value.text], { type: 'application/json' }));
      const link = Object.assign(document.createElement('a'), { href: url, download: result.value.fileName });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setExportPass('');
      setMessage({ text: t('exported', { fileName: result.value.fileName }) });
    } catch {
      setMessage({ text: t('unreadable'), error: true });
    } finally {
      setBusy(false);
    }
  }

  async function importSetup(event: FormEvent) {
    event.preventDefault();
    if (!file) return setMessage({ text: t('chooseFile'), error: true });
    setBusy(true);
    setMessage(null);
    try {
      const text = await file.text().catch(() => null); // an unreadable file: said on the next line
      if (text === null) return setMessage({ text: t('unreadable'), error: true });
      // Custom base URLs (a proxy, the sandbox) need the browser's permission, asked while the click still counts.
      const origins = customOrigins(text);
      if (origins.length) await browser.permissions.request({ origins }).catch(() => false); // refused or not askable: the import says which hosts it cannot reach
      const result = await sendIntent('importTeamSetup', { text, ...(importPass ? { passphrase: importPass } : {}) });
      if (!result.ok) return setMessage({ text: result.error.message, error: true });
      setImportPass('');
      setMessage({ text: summaryText(result.value) });
      refresh();
      onImported?.();
    } finally {
      setBusy(false);
    }
  }

  const recruiter = status?.role === 'recruiter';
  return (
    <Panel title={t('teamTitle')}>
      {status && (
        <p className="hb-sub">
          {status.by === 'policy'
            ? t('teamPolicySub', { company: status.companyName ? ` (${status.companyName})` : '' })
            : recruiter
            ? t('teamRecruiterSub', { date: status.createdAt ? formatDateTime(status.createdAt) : '', company: status.companyName ? ` (${status.companyName})` : '' })
            : t('teamAdminSub')}
        </p>
      )}
      {status && !recruiter && (
        <form onSubmit={(e) => void exportSetup(e)} className="hb-field" noValidate>
          <label>
            <input type="checkbox" checked={includeKeys} onChange={(e) => setIncludeKeys(e.target.checked)} /> {t('includeKeys')}
          </label>
          {includeKeys && (
            <>
              <label htmlFor={exportPassId}>{t('keysPassphrase')}</label>
              <input id={exportPassId} type="password" autoComplete="new-password" value={exportPass} onChange={(e) => setExportPass(e.target.value)} aria-describedby={`${exportPassId}-hint`} />
            </>
          )}
          <span className="hb-hint" id={`${exportPassId}-hint`}>
            {includeKeys ? t('keysPassphraseHint', { min: MIN_PASSPHRASE_LENGTH }) : t('withoutKeysHint')}
          </span>
          <span className="hb-actions">
            <button type="submit" className="hb-primary" disabled={busy || tooShort}>
              {t('exportSetup')}
            </button>
          </span>
        </form>
      )}
      {!!status?.policyNotes?.length && (
        <div role="note" aria-label={t('policyNotesTitle')}>
          <p className="hb-sub">{t('policyNotesTitle')}</p>
          <ul>
            {status.policyNotes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      )}
      {status && status.by !== 'policy' && (
        <form onSubmit={(e) => void importSetup(e)} className="hb-field" noValidate>
          <label htmlFor={fileId}>{t('importFile')}</label>
          <input id={fileId} type="file" accept="application/json,.json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          <label htmlFor={importPassId}>{t('importPassphrase')}</label>
          <input id={importPassId} type="password" autoComplete="off" value={importPass} onChange={(e) => setImportPass(e.target.value)} aria-describedby={`${importPassId}-hint`} />
          <span className="hb-hint" id={`${importPassId}-hint`}>
            {t('importPassphraseHint')}
          </span>
          <span className="hb-actions">
            <button type="submit" disabled={busy}>
              {t('importSetup')}
            </button>
          </span>
        </form>
      )}
      <PanelMessage message={message} />
    </Panel>
  );
}

function summaryText(summary: ImportSummary): string {
  const parts = [t('imported', { connected: slotNames(summary.connected), jobs: summary.activeJobs })];
  if (summary.pendingJobs) parts.push(t('importedPending', { count: summary.pendingJobs }));
  if (summary.withoutKey.length) parts.push(t('importedWithoutKey', { slots: slotNames(summary.withoutKey) }));
  return parts.join(' ');
}

/** The hosts a file's Custom connections reach (the background checks the file itself; this only asks early). */
function customOrigins(text: string): string[] {
  try {
    const connections = (JSON.parse(text) as { connections?: Array<{ baseUrl?: unknown }> }).connections;
    const urls = (Array.isArray(connections) ? connections : []).map((c) => c?.baseUrl).filter((u): u is string => typeof u === 'string' && URL.canParse(u));
    return [...new Set(urls.map(originPattern))];
  } catch {
    return [];
  }
}
