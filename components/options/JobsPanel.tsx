import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useRef, useState } from 'react';
import { db, type JobRecord, type JobStatus } from '@/lib/db';
import { sendIntent } from '@/lib/messaging';
import { LAST_KEY, STATE_KEY, type PullState, type PullSummary } from '@/lib/sync/jobPull';
import { DEFAULT_PULL_MINUTES, INTERVAL_KEY } from '@/lib/sync/schedule';
import { COUNTRY_FILTER_KEY, passesCountryFilter } from '@/lib/sync/settings';

/**
 * The Jobs region: what the last pull brought, Sync now, and every job with Activate / Deactivate.
 * It reads live from IndexedDB (read-only); every change goes to the service worker as an intent.
 */

const STATUS_LABEL: Record<JobStatus, string> = { disabled: 'Disabled', active: 'Active', archived: 'Archived' };
const INTERVALS = [
  [15, 'Every 15 minutes'],
  [30, 'Every 30 minutes'],
  [60, 'Every hour'],
  [180, 'Every 3 hours'],
  [360, 'Every 6 hours'],
  [720, 'Every 12 hours'],
  [1440, 'Every 24 hours'],
] as const;
const MAX_ROWS = 200;

function setting<T>(key: string) {
  return db().settings.get(key).then((row) => row?.value as T | undefined);
}

export function JobsPanel({ provider }: { provider: string | undefined }) {
  const headingId = useId();
  const searchId = useId();
  const statusId = useId();
  const intervalId = useId();
  const countriesId = useId();
  const [search, setSearch] = useState('');
  const [statusFilter, setStatusFilter] = useState<'all' | JobStatus>('all');
  const [error, setError] = useState<string | null>(null);
  const [countriesDraft, setCountriesDraft] = useState<string | null>(null);

  const state = useLiveQuery(() => setting<PullState>(STATE_KEY));
  // While a pull writes page after page, the table keeps what it showed (re-reading 10,000 rows after every page
  // would slow the pull down several times); it refreshes once the pull ends. The progress bar shows the run.
  const pulling = !!state?.running;
  const liveJobs = useLiveQuery<JobRecord[] | undefined>(() => (pulling ? undefined : provider ? db().jobs.where('provider').equals(provider).toArray() : []), [provider, pulling]);
  const shownJobs = useRef<JobRecord[] | undefined>(undefined);
  if (liveJobs) shownJobs.current = liveJobs;
  const jobs = liveJobs ?? shownJobs.current;
  const last = useLiveQuery(() => setting<PullSummary>(LAST_KEY));
  const interval = useLiveQuery(() => setting<number>(INTERVAL_KEY)) ?? DEFAULT_PULL_MINUTES;
  const countries = useLiveQuery(() => setting<string[]>(COUNTRY_FILTER_KEY)) ?? [];

  const visible = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return (jobs ?? [])
      .filter((job) => passesCountryFilter(job.country, countries))
      .filter((job) => statusFilter === 'all' || job.status === statusFilter)
      .filter((job) => !needle || job.name.toLowerCase().includes(needle) || (job.locationName ?? '').toLowerCase().includes(needle))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [jobs, countries, search, statusFilter]);
  const hiddenByCountry = (jobs ?? []).filter((job) => !passesCountryFilter(job.country, countries)).length;

  async function act<T>(run: () => Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>) {
    setError(null);
    try {
      const result = await run();
      if (!result.ok) setError(result.error.message);
    } catch {
      setError('Hirebridge could not reach its background service. Reload the page and try again.');
    }
  }

  const running = state?.running === true;

  return (
    <section className="hb-card" role="region" aria-labelledby={headingId} style={{ marginTop: 16 }}>
      <h2 id={headingId}>Jobs</h2>
      <p className="hb-sub">Jobs pulled from your ATS. Activate the ones recruiters may sync candidates to; active jobs keep their details until you deactivate them.</p>
      {!provider && <p className="hb-note">Connect an ATS above to pull its jobs.</p>}
      <div className="hb-actions" style={{ marginBottom: 8 }}>
        <button type="button" className="hb-primary" disabled={!provider || running} onClick={() => act(() => sendIntent('syncJobsNow', undefined))}>
          Sync now
        </button>
        <label htmlFor={intervalId} className="hb-note">
          Pull
        </label>
        <select id={intervalId} value={interval} onChange={(e) => act(() => sendIntent('setPullInterval', Number(e.target.value)))}>
          {INTERVALS.map(([minutes, label]) => (
            <option key={minutes} value={minutes}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {running && (
        <div role="status" className="hb-note">
          <progress aria-label="Pulling jobs" style={{ width: '100%' }} />
          Pulling jobs… page {state.counts.pages + 1}, {state.counts.added} new and {state.counts.updated} updated so far.
        </div>
      )}
      <LastPull last={last} />
      {error && (
        <p className="hb-alert" role="alert">
          {error}
        </p>
      )}
      <div className="hb-actions" style={{ margin: '12px 0' }}>
        <div className="hb-field" style={{ marginBottom: 0 }}>
          <label htmlFor={searchId}>Search jobs</label>
          <input id={searchId} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <div className="hb-field" style={{ marginBottom: 0 }}>
          <label htmlFor={statusId}>Status</label>
          <select id={statusId} value={statusFilter} onChange={(e) => setStatusFilter(e.target.value as typeof statusFilter)}>
            <option value="all">All</option>
            <option value="disabled">Disabled</option>
            <option value="active">Active</option>
            <option value="archived">Archived</option>
          </select>
        </div>
        <form
          className="hb-field"
          style={{ marginBottom: 0 }}
          onSubmit={(e) => {
            e.preventDefault();
            const list = (countriesDraft ?? countries.join(', ')).split(/[\s,]+/).filter(Boolean);
            void act(() => sendIntent('setCountryFilter', list)).then(() => setCountriesDraft(null));
          }}
        >
          <label htmlFor={countriesId}>Countries</label>
          <span className="hb-actions">
            <input
              id={countriesId}
              placeholder="All countries"
              value={countriesDraft ?? countries.join(', ')}
              onChange={(e) => setCountriesDraft(e.target.value)}
              aria-describedby={`${countriesId}-hint`}
            />
            <button type="submit">Apply</button>
          </span>
          <span className="hb-hint" id={`${countriesId}-hint`}>
            Two-letter ISO codes, e.g. ES, DE. Empty for all countries.
          </span>
        </form>
      </div>
      {hiddenByCountry > 0 && <p className="hb-note">{hiddenByCountry} jobs in other countries are hidden by the country filter.</p>}
      {jobs && jobs.length > 0 && (
        <table className="hb-table">
          <thead>
            <tr>
              <th scope="col">Job</th>
              <th scope="col">Location</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="hb-visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {visible.slice(0, MAX_ROWS).map((job) => (
              <JobRow key={job.key} job={job} onToggle={(active) => act(() => sendIntent('setJobActive', { key: job.key, active }))} />
            ))}
          </tbody>
        </table>
      )}
      {visible.length > MAX_ROWS && (
        <p className="hb-note">
          Showing {MAX_ROWS} of {visible.length} jobs. Search to narrow the list.
        </p>
      )}
      {jobs && jobs.length > 0 && visible.length === 0 && <p className="hb-note">No job matches these filters.</p>}
    </section>
  );
}

function JobRow({ job, onToggle }: { job: JobRecord; onToggle(active: boolean): void }) {
  const active = job.status === 'active';
  return (
    <tr>
      <th scope="row">{job.name}</th>
      <td>{[job.locationName, job.country].filter(Boolean).join(' · ')}</td>
      <td>
        <span className={`hb-job-status hb-job-${job.status}`}>{STATUS_LABEL[job.status]}</span>
      </td>
      <td>
        <button type="button" disabled={job.status === 'archived'} onClick={() => onToggle(!active)}>
          {active ? 'Deactivate' : 'Activate'}
        </button>
      </td>
    </tr>
  );
}

function LastPull({ last }: { last: PullSummary | undefined }) {
  if (!last) return <p className="hb-note">No job pull yet.</p>;
  const when = new Date(last.finishedAt).toLocaleString();
  if (!last.ok) {
    return (
      <p className="hb-alert" role="alert">
        Last pull {when} failed: {last.message}
      </p>
    );
  }
  const { added, updated, archived } = last.counts;
  return (
    <p className="hb-note">
      Last pull {when}: {added} new, {updated} updated, {archived} archived.
    </p>
  );
}
