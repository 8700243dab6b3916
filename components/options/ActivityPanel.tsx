import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useActivityLog, type ActivityRecord } from '@/lib/activity/queries';
import { formatDateTime } from '@/lib/i18n';
import { t } from './messages';
import { Panel } from './Panel';

/**
 * The full activity log (the popup links here as #activity): filter by kind, level and text, and download it
 * as CSV. The log holds plain sentences only — never a CV or a key — and the CSV is scrubbed once more before it
 * leaves: long opaque runs (base64, tokens) are cut out and spreadsheet formulas are neutralised.
 */

const KINDS: Record<string, Parameters<typeof t>[0]> = { export: 'kindExport', sync: 'kindSync', 'job-pull': 'kindJobPull', connection: 'kindConnection' };
const LEVELS = { success: 'levelSuccess', info: 'levelInfo', warning: 'levelWarning', error: 'levelError' } as const satisfies Record<ActivityRecord['level'], string>;
const kindLabel = (kind: string) => (KINDS[kind] ? t(KINDS[kind]) : kind);
const levelLabel = (level: ActivityRecord['level']) => (LEVELS[level] ? t(LEVELS[level]) : level);

const MAX_ROWS = 300;
const CSV_COLUMNS = ['time', 'kind', 'result', 'message'] as const;

/** Anything that looks like a key or file content (40+ chars without spaces from a base64/token alphabet). */
const OPAQUE_RUN = /[A-Za-z0-9+/=_-]{40,}/g;

export function scrubForExport(text: string): string {
  return text.replace(OPAQUE_RUN, '[removed]').replace(/[\r\n]+/g, ' ').slice(0, 1000);
}

function csvCell(value: string): string {
  // A cell that starts like a formula would run in a spreadsheet: make it text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function activityCsv(rows: readonly ActivityRecord[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) lines.push([row.at, row.kind, row.level, scrubForExport(row.message)].map((v) => csvCell(String(v))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function ActivityPanel() {
  const ids = { heading: useId(), search: useId(), kind: useId(), level: useId() };
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState('all');
  const [level, setLevel] = useState<'all' | ActivityRecord['level']>('all');
  const entries = useActivityLog();

  // The popup's "full activity log" link lands here.
  useEffect(() => {
    if (location.hash === '#activity' && entries) {
      headingRef.current?.scrollIntoView();
      headingRef.current?.focus();
    }
  }, [entries !== undefined]);

  const kinds = useMemo(() => [...new Set((entries ?? []).map((e) => e.kind))].sort(), [entries]);
  const visible = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return (entries ?? []).filter((e) => (kind === 'all' || e.kind === kind) && (level === 'all' || e.level === level) && (!needle || e.message.toLowerCase().includes(needle)));
  }, [entries, kind, level, search]);

  function download() {
    const blob = new Blob([activityCsv(visible)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `hirebridge-activity-${new Date().toISOString().slice(0, 10)}.csv`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  return (
    <Panel title={t('activityTitle')} headingId={ids.heading} headingRef={headingRef} id="activity">
      <p className="hb-sub">{t('activitySub')}</p>
      <div className="hb-actions" style={{ alignItems: 'flex-end', marginBottom: 8 }}>
        <div className="hb-field" style={{ marginBottom: 0 }}>
          <label htmlFor={ids.search}>{t('searchActivity')}</label>
          <input id={ids.search} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <div className="hb-field" style={{ marginBottom: 0 }}>
          <label htmlFor={ids.kind}>{t('kind')}</label>
          <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="all">{t('all')}</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </div>
        <div className="hb-field" style={{ marginBottom: 0 }}>
          <label htmlFor={ids.level}>{t('result')}</label>
          <select id={ids.level} value={level} onChange={(e) => setLevel(e.target.value as typeof level)}>
            <option value="all">{t('all')}</option>
            {(Object.keys(LEVELS) as ActivityRecord['level'][]).map((l) => (
              <option key={l} value={l}>
                {levelLabel(l)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={download} disabled={!visible.length}>
          {t('downloadCsv')}
        </button>
      </div>
      {entries && (
        <p className="hb-note" role="status">
          {visible.length === 1 ? t('entryOne') : t('entryMany', { count: visible.length })}
        </p>
      )}
      {entries && entries.length === 0 && <p className="hb-note">{t('nothingRecorded')}</p>}
      {entries && entries.length > 0 && visible.length === 0 && <p className="hb-note">{t('noActivityMatches')}</p>}
      {visible.length > 0 && (
        <table className="hb-table">
          <thead>
            <tr>
              <th scope="col">{t('when')}</th>
              <th scope="col">{t('kind')}</th>
              <th scope="col">{t('result')}</th>
              <th scope="col">{t('what')}</th>
            </tr>
          </thead>
          <tbody>
            {visible.slice(0, MAX_ROWS).map((entry) => (
              <tr key={entry.id ?? `${entry.at}-${entry.message}`}>
                <td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</td>
                <td style={{ whiteSpace: 'nowrap' }}>{kindLabel(entry.kind)}</td>
                <td style={{ whiteSpace: 'nowrap' }}>{levelLabel(entry.level)}</td>
                <td>{entry.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {visible.length > MAX_ROWS && <p className="hb-note">{t('showingEntries', { shown: MAX_ROWS, total: visible.length })}</p>}
    </Panel>
  );
}
