import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { db, type ActivityRecord } from '@/lib/db';

/**
 * The full activity log (the popup links here as #activity): filter by kind, level and text, and download it
 * as CSV. The log holds plain sentences only — never a CV or a key — and the CSV is scrubbed once more before it
 * leaves: long opaque runs (base64, tokens) are cut out and spreadsheet formulas are neutralised.
 */

const strings = {
  title: 'Activity',
  sub: 'What Hirebridge did: exports, syncs, job pulls and connections. It never records CVs or API keys.',
  search: 'Search activity',
  kind: 'Kind',
  level: 'Result',
  all: 'All',
  kinds: { export: 'Exports', sync: 'Syncs', 'job-pull': 'Job pulls', connection: 'Connections' } as Record<string, string>,
  levels: { success: 'Success', info: 'Info', warning: 'Warning', error: 'Error' } as Record<ActivityRecord['level'], string>,
  download: 'Download CSV',
  when: 'When',
  what: 'What',
  empty: 'Nothing recorded yet.',
  none: 'No activity matches these filters.',
  shown: (shown: number, total: number) => `Showing ${shown} of ${total} entries. Narrow the filters or download the CSV for all of them.`,
  count: (n: number) => (n === 1 ? '1 entry' : `${n} entries`),
};

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
  const entries = useLiveQuery(() => db().activity.orderBy('at').reverse().toArray());

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
    <section className="hb-card" role="region" aria-labelledby={ids.heading} id="activity" style={{ marginTop: 16 }}>
      <h2 id={ids.heading} ref={headingRef} tabIndex={-1}>
        {strings.title}
      </h2>
      <p className="hb-sub">{strings.sub}</p>
      <div className="hb-actions" style={{ alignItems: 'flex-end', marginBottom: 8 }}>
        <div className="hb-field" style={{ marginBottom: 0 }}>
          <label htmlFor={ids.search}>{strings.search}</label>
          <input id={ids.search} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <div className="hb-field" style={{ marginBottom: 0 }}>
          <label htmlFor={ids.kind}>{strings.kind}</label>
          <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="all">{strings.all}</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {strings.kinds[k] ?? k}
              </option>
            ))}
          </select>
        </div>
        <div className="hb-field" style={{ marginBottom: 0 }}>
          <label htmlFor={ids.level}>{strings.level}</label>
          <select id={ids.level} value={level} onChange={(e) => setLevel(e.target.value as typeof level)}>
            <option value="all">{strings.all}</option>
            {(Object.keys(strings.levels) as ActivityRecord['level'][]).map((l) => (
              <option key={l} value={l}>
                {strings.levels[l]}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={download} disabled={!visible.length}>
          {strings.download}
        </button>
      </div>
      {entries && (
        <p className="hb-note" role="status">
          {strings.count(visible.length)}
        </p>
      )}
      {entries && entries.length === 0 && <p className="hb-note">{strings.empty}</p>}
      {entries && entries.length > 0 && visible.length === 0 && <p className="hb-note">{strings.none}</p>}
      {visible.length > 0 && (
        <table className="hb-table">
          <thead>
            <tr>
              <th scope="col">{strings.when}</th>
              <th scope="col">{strings.kind}</th>
              <th scope="col">{strings.level}</th>
              <th scope="col">{strings.what}</th>
            </tr>
          </thead>
          <tbody>
            {visible.slice(0, MAX_ROWS).map((entry) => (
              <tr key={entry.id ?? `${entry.at}-${entry.message}`}>
                <td style={{ whiteSpace: 'nowrap' }}>{new Date(entry.at).toLocaleString()}</td>
                <td style={{ whiteSpace: 'nowrap' }}>{strings.kinds[entry.kind] ?? entry.kind}</td>
                <td style={{ whiteSpace: 'nowrap' }}>{strings.levels[entry.level] ?? entry.level}</td>
                <td>{entry.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {visible.length > MAX_ROWS && <p className="hb-note">{strings.shown(MAX_ROWS, visible.length)}</p>}
    </section>
  );
}
