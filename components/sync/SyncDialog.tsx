import { useEffect, useMemo, useRef, useState, type ChangeEvent, type MouseEvent } from 'react';
import { sendIntent } from '@/lib/messaging/client';
import { SyncFields, type ResumeUpload, type SourcedOnPage, type SyncDraft, type SyncJobOption, type SyncProgress } from '@/lib/messaging/intents/sync';
import { base64ToBytes, bytesToBase64 } from '@/lib/pdf/base64';
import { dialogKeyHandler } from '../ui/dialog-keyboard';

/**
 * "Sync to ATS": review the person read from the page, pick an Active job, answer its screening questions, check
 * the assessment and transcript, Sync. Everything shown is text (React escapes it); the PDF is built by the worker.
 */

type TextField = 'firstName' | 'lastName' | 'email' | 'phone';
const TEXT_FIELDS: { name: TextField; label: string; inputMode?: 'email' | 'tel' }[] = [
  { name: 'firstName', label: 'First name' },
  { name: 'lastName', label: 'Last name' },
  { name: 'email', label: 'Email', inputMode: 'email' },
  { name: 'phone', label: 'Phone', inputMode: 'tel' },
];
const NO_CONTACT = 'Hirebridge could not reach its background service. Reload the page and try again.';
const MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface ResumeSource {
  /** Download the resume linked from the page (same origin, with the page's session). */
  fetchLinked?(): Promise<ResumeUpload>;
}

export interface SyncDialogProps {
  page: SourcedOnPage;
  resume: ResumeSource;
  onClose(): void;
}

export async function fileToUpload(file: File): Promise<ResumeUpload> {
  if (file.size > MAX_FILE_BYTES) throw new Error(`${file.name} is larger than 10 MB.`);
  return { fileName: file.name.slice(0, 200) || 'file', contentType: file.type || 'application/octet-stream', base64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) };
}

type AnswerValue = string | number | boolean | string[] | ResumeUpload;

export function SyncDialog({ page, resume, onClose }: SyncDialogProps) {
  const dialogRef = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState<SyncDraft | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [values, setValues] = useState<Record<TextField, string> & { jobKey: string; summary: string; transcript: string }>({
    firstName: '',
    lastName: '',
    email: '',
    phone: '',
    jobKey: '',
    summary: '',
    transcript: '',
  });
  const [rating, setRating] = useState<number | undefined>(page.rating);
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>({});
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [resumeFile, setResumeFile] = useState<ResumeUpload | undefined>();
  const [resumeNote, setResumeNote] = useState<string | null>(null);
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [planned, setPlanned] = useState<string | null>(null);

  useEffect(() => {
    sendIntent('prepareSync', { page })
      .then((result) => {
        if (!result.ok) return setLoadError(result.error.message);
        const d = result.value;
        setDraft(d);
        setValues((v) => ({
          ...v,
          firstName: d.fields.firstName ?? '',
          lastName: d.fields.lastName ?? '',
          email: d.fields.email ?? '',
          phone: d.fields.phone ?? '',
          summary: d.fields.summary ?? '',
          transcript: d.fields.transcript ?? '',
          jobKey: d.jobs.length === 1 ? d.jobs[0].key : '',
        }));
      })
      .catch(() => setLoadError(NO_CONTACT));
  }, [page]);

  // The resume linked from the page, fetched once with the page's own session.
  useEffect(() => {
    if (!resume.fetchLinked) return;
    setResumeNote('Downloading the resume from the page…');
    resume
      .fetchLinked()
      .then((file) => {
        setResumeFile(file);
        setResumeNote(`Resume from the page: ${file.fileName}`);
      })
      .catch((error: Error) => setResumeNote(`The resume linked on the page could not be downloaded (${error.message}). Choose the file below, or sync without it.`));
  }, [resume]);

  useEffect(() => {
    dialogRef.current?.querySelector<HTMLElement>('input, select, button')?.focus();
  }, [draft, loadError]);

  // While a sync waits for a retry, follow it.
  useEffect(() => {
    if (!progress || progress.state === 'done' || progress.state === 'needs-attention') return;
    const timer = setInterval(() => {
      sendIntent('syncProgress', progress.operationId).then((result) => result.ok && setProgress(result.value));
    }, 1000);
    return () => clearInterval(timer);
  }, [progress]);

  const job: SyncJobOption | undefined = draft?.jobs.find((j) => j.key === values.jobKey);
  const parsed = useMemo(() => SyncFields.safeParse({ ...values, rating }), [values, rating]);
  const errors = useMemo(() => {
    const out: Record<string, string> = {};
    if (!parsed.success) for (const issue of parsed.error.issues) out[String(issue.path[0])] ??= issue.message;
    for (const q of job?.questions ?? []) {
      const a = answers[q.id];
      const empty = a === undefined || a === '' || (Array.isArray(a) && a.length === 0);
      if (q.required && empty) out[`q:${q.id}`] = 'This question is required.';
      else if (q.format === 'NUMBER' && !empty && !Number.isFinite(a)) out[`q:${q.id}`] = 'Enter a number.';
      else if (q.format === 'DATE' && !empty && (typeof a !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(a))) out[`q:${q.id}`] = 'Use a date like 2026-12-01.';
    }
    return out;
  }, [parsed, job, answers]);

  const finished = progress?.state === 'done';
  const alreadySynced = !!job?.syncedAt;
  const inFlight = progress?.state === 'queued' || progress?.state === 'sending';
  const canSync = !!draft && Object.keys(errors).length === 0 && !busy && !finished && !inFlight && !alreadySynced;
  const labels: Record<string, string> = { firstName: 'First name', lastName: 'Last name', email: 'Email', phone: 'Phone', jobKey: 'Job', summary: 'Assessment summary', transcript: 'Screening transcript' };
  const stillNeeded =
    draft && !finished && !alreadySynced
      ? Object.keys(errors).map((k) => (k.startsWith('q:') ? job?.questions.find((q) => `q:${q.id}` === k)?.title : labels[k])).filter(Boolean)
      : [];

  const show = (name: string) => (touched[name] || (name in values && values[name as keyof typeof values] !== '')) && errors[name];
  const setValue = (name: keyof typeof values, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setTouched((t) => ({ ...t, [name]: true }));
  };
  const setAnswer = (id: string, value: AnswerValue | undefined) => {
    setAnswers((a) => {
      const next = { ...a };
      if (value === undefined) delete next[id];
      else next[id] = value;
      return next;
    });
    setTouched((t) => ({ ...t, [`q:${id}`]: true }));
  };

  async function submit(event: MouseEvent<HTMLButtonElement>) {
    if (!event.nativeEvent.isTrusted || !canSync || !parsed.success || !draft) return;
    setBusy(true);
    setSubmitError(null);
    try {
      const questionIds = new Set(job?.questions.map((q) => q.id));
      const forJob = Object.fromEntries(Object.entries(answers).filter(([id]) => questionIds.has(id)));
      const result = await sendIntent('submitSync', { candidateKey: draft.candidateKey, fields: parsed.data, answers: forJob, resume: resumeFile });
      if (result.ok) setProgress(result.value);
      else setSubmitError(result.error.message);
    } catch {
      setSubmitError('Hirebridge lost contact with its background service. If the sync was sent, it finishes on its own: open Sync to ATS again to see where it stands.');
    } finally {
      setBusy(false);
    }
  }

  /** Prepare the sync to go out by itself once the person reaches the trigger stage. */
  async function plan(event: MouseEvent<HTMLButtonElement>) {
    if (!event.nativeEvent.isTrusted || !canSync || !parsed.success || !draft) return;
    setBusy(true);
    setSubmitError(null);
    try {
      const questionIds = new Set(job?.questions.map((q) => q.id));
      const forJob = Object.fromEntries(Object.entries(answers).filter(([id]) => questionIds.has(id)));
      const result = await sendIntent('planAutoSync', { candidateKey: draft.candidateKey, fields: parsed.data, answers: forJob, resume: resumeFile });
      if (!result.ok) setSubmitError(result.error.message);
      else
        setPlanned(
          result.value.sentNow
            ? `They are already at “${result.value.stage}”: the sync to ${job?.name} has started.`
            : `Planned: Hirebridge syncs them to ${job?.name} by itself when their page shows the stage “${result.value.stage}”.`,
        );
    } catch {
      setSubmitError(NO_CONTACT);
    } finally {
      setBusy(false);
    }
  }

  async function download() {
    if (!progress) return;
    const result = await sendIntent('profilePdf', progress.operationId);
    if (!result.ok) return setSubmitError(result.error.message);
    const bytes = base64ToBytes(result.value.base64);
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = result.value.fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  async function pickResume(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    try {
      const upload = await fileToUpload(file);
      setResumeFile(upload);
      setResumeNote(`Resume chosen: ${upload.fileName}`);
    } catch (error) {
      setResumeNote((error as Error).message);
    }
  }

  return (
    <div className="backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="hb-sync-title" aria-describedby="hb-sync-desc" ref={dialogRef} onKeyDown={dialogKeyHandler(dialogRef, onClose)}>
        <h2 id="hb-sync-title">Sync to ATS</h2>
        <p className="sub" id="hb-sync-desc">
          {draft ? `From ${draft.sourceSite} into ${draft.atsName}, tagged “${draft.sourceName}”.` : 'Loading the active jobs…'}
        </p>
        {loadError && (
          <p className="notice err" role="alert">
            {loadError}
          </p>
        )}
        {draft && draft.jobs.length === 0 && <p className="notice warn">No job is active yet: an admin activates jobs in the Jobs region of the Hirebridge settings.</p>}
        {draft && (
          <form onSubmit={(e) => e.preventDefault()} noValidate>
            <div className="grid">
              {TEXT_FIELDS.map(({ name, label, inputMode }) => (
                <div className={`field${name === 'email' ? ' wide' : ''}`} key={name}>
                  <label htmlFor={`hb-s-${name}`}>{label}</label>
                  <input
                    id={`hb-s-${name}`}
                    type="text"
                    inputMode={inputMode}
                    autoComplete="off"
                    value={values[name]}
                    disabled={finished}
                    onChange={(e) => setValue(name, e.target.value)}
                    onBlur={() => setTouched((t) => ({ ...t, [name]: true }))}
                    aria-invalid={!!show(name)}
                    aria-describedby={show(name) ? `hb-s-${name}-error` : undefined}
                  />
                  {show(name) && (
                    <span className="error" id={`hb-s-${name}-error`}>
                      {errors[name]}
                    </span>
                  )}
                </div>
              ))}
              <div className="field wide">
                <label htmlFor="hb-s-job">Job</label>
                <select id="hb-s-job" value={values.jobKey} disabled={finished} onChange={(e) => setValue('jobKey', e.target.value)} aria-describedby={alreadySynced ? 'hb-s-job-note' : undefined}>
                  <option value="">Choose an active job…</option>
                  {draft.jobs.map((j) => (
                    <option key={j.key} value={j.key}>
                      {j.name}
                      {j.location ? ` — ${j.location}` : ''}
                      {j.syncedAt ? ' (already synced)' : ''}
                    </option>
                  ))}
                </select>
                {alreadySynced && (
                  <span className="hint" id="hb-s-job-note" role="status">
                    Already synced to this job on {new Date(job!.syncedAt!).toLocaleDateString()}: nothing will be sent again.
                  </span>
                )}
              </div>
              {job?.questions.map((q) => (
                <Question key={q.id} question={q} value={answers[q.id]} error={touched[`q:${q.id}`] ? errors[`q:${q.id}`] : undefined} disabled={finished} onChange={(v) => setAnswer(q.id, v)} />
              ))}
              <fieldset className="field wide stars" disabled={finished}>
                <legend>Assessment</legend>
                {[1, 2, 3, 4, 5].map((n) => (
                  <label key={n}>
                    <input type="radio" name="hb-rating" checked={rating === n} onChange={() => setRating(n)} aria-label={`${n} of 5 stars`} />
                    <span aria-hidden="true">{n <= (rating ?? 0) ? '★' : '☆'}</span>
                  </label>
                ))}
              </fieldset>
              <div className="field wide">
                <label htmlFor="hb-s-summary">Assessment summary</label>
                <textarea id="hb-s-summary" rows={3} value={values.summary} disabled={finished} onChange={(e) => setValue('summary', e.target.value)} />
              </div>
              <div className="field wide">
                <label htmlFor="hb-s-transcript">Screening transcript</label>
                <textarea
                  id="hb-s-transcript"
                  rows={6}
                  value={values.transcript}
                  disabled={finished}
                  placeholder="One line per turn, like “Recruiter: What is your notice period?”"
                  onChange={(e) => setValue('transcript', e.target.value)}
                  aria-invalid={!!show('transcript')}
                />
                {show('transcript') && <span className="error">{errors.transcript}</span>}
              </div>
              <div className="field wide">
                <label htmlFor="hb-s-resume">Resume (PDF)</label>
                <input id="hb-s-resume" type="file" accept="application/pdf,.pdf" disabled={finished} onChange={(e) => void pickResume(e)} aria-describedby="hb-s-resume-note" />
                <span className="hint" id="hb-s-resume-note">
                  {resumeNote ?? 'No resume was found on the page: choose one, or sync without it.'}
                </span>
              </div>
            </div>
            {!draft.acceptsFiles && (
              <p className="notice warn">Factorial’s public API accepts no files: after the sync, download the PDF profile and attach it in Factorial if you need it.</p>
            )}
          </form>
        )}
        <SyncStatus progress={progress} jobName={job?.name} atsName={draft?.atsName} />
        {progress?.state === 'done' && progress.downloadAvailable && draft && !draft.acceptsFiles && (
          <p className="notice">
            <button type="button" onClick={() => void download()}>
              Download PDF profile
            </button>
          </p>
        )}
        {draft?.plannedJobKey && !planned && !progress && (
          <p className="notice" role="status">
            A sync to {draft.jobs.find((j) => j.key === draft.plannedJobKey)?.name ?? 'a job'} is planned for when they reach “{draft.autoSyncStage}”.
          </p>
        )}
        {planned && (
          <p className="notice ok" role="status">
            {planned}
          </p>
        )}
        {submitError && (
          <p className="notice err" role="alert">
            {submitError}
          </p>
        )}
        <div className="actions">
          {stillNeeded.length > 0 && (
            <span id="hb-sync-needs" className="needs">
              To sync, complete: {stillNeeded.join(', ')}.
            </span>
          )}
          {!finished && draft?.autoSyncStage && !planned && (
            <button type="button" disabled={!canSync} onClick={(e) => void plan(e)}>
              Sync when they reach “{draft.autoSyncStage}”
            </button>
          )}
          {!finished && (
            <button type="button" className="primary" disabled={!canSync} onClick={(e) => void submit(e)} aria-describedby={stillNeeded.length > 0 ? 'hb-sync-needs' : undefined}>
              {busy ? 'Syncing…' : 'Sync'}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {finished ? 'Close' : 'Cancel'}
          </button>
        </div>
      </div>
    </div>
  );
}

function Question(props: { question: SyncJobOption['questions'][number]; value: AnswerValue | undefined; error?: string; disabled?: boolean; onChange(v: AnswerValue | undefined): void }) {
  const { question: q, value, onChange } = props;
  const id = `hb-q-${q.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const label = `${q.title}${q.required ? ' (required)' : ''}`;
  const described = props.error ? `${id}-error` : undefined;
  const error = props.error && (
    <span className="error" id={`${id}-error`}>
      {props.error}
    </span>
  );
  switch (q.format) {
    case 'BOOLEAN':
      return (
        <fieldset className="field wide" disabled={props.disabled} aria-describedby={described}>
          <legend>{label}</legend>
          <span className="choices">
            {[
              ['Yes', true],
              ['No', false],
            ].map(([text, v]) => (
              <label key={String(text)}>
                <input type="radio" name={id} checked={value === v} onChange={() => onChange(v as boolean)} /> {text}
              </label>
            ))}
          </span>
          {error}
        </fieldset>
      );
    case 'SINGLE_SELECT':
      return (
        <div className="field wide">
          <label htmlFor={id}>{label}</label>
          <select id={id} value={typeof value === 'string' ? value : ''} disabled={props.disabled} onChange={(e) => onChange(e.target.value || undefined)} aria-describedby={described}>
            <option value="">Choose…</option>
            {q.options?.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          {error}
        </div>
      );
    case 'MULTI_SELECT': {
      const selected = Array.isArray(value) ? value : [];
      return (
        <fieldset className="field wide" disabled={props.disabled} aria-describedby={described}>
          <legend>{label}</legend>
          <span className="choices">
            {q.options?.map((o) => (
              <label key={o.id}>
                <input type="checkbox" checked={selected.includes(o.id)} onChange={(e) => onChange(e.target.checked ? [...selected, o.id] : selected.filter((s) => s !== o.id))} /> {o.name}
              </label>
            ))}
          </span>
          {error}
        </fieldset>
      );
    }
    case 'FILE':
      return (
        <div className="field wide">
          <label htmlFor={id}>{label}</label>
          <input
            id={id}
            type="file"
            disabled={props.disabled}
            aria-describedby={described}
            onChange={async (e) => {
              const file = e.target.files?.[0];
              onChange(file ? await fileToUpload(file).catch(() => undefined) : undefined);
            }}
          />
          {error}
        </div>
      );
    default: {
      const isNumber = q.format === 'NUMBER';
      const isDate = q.format === 'DATE';
      return (
        <div className="field wide">
          <label htmlFor={id}>{label}</label>
          <input
            id={id}
            type="text"
            inputMode={isNumber ? 'decimal' : undefined}
            placeholder={isDate ? 'YYYY-MM-DD' : undefined}
            value={value === undefined ? '' : String(value)}
            disabled={props.disabled}
            aria-invalid={!!props.error}
            aria-describedby={described}
            onChange={(e) => {
              const raw = e.target.value;
              if (!raw.trim()) return onChange(undefined);
              onChange(isNumber ? (Number.isFinite(Number(raw)) ? Number(raw) : raw) : raw);
            }}
          />
          {error}
        </div>
      );
    }
  }
}

function SyncStatus({ progress, jobName, atsName }: { progress: SyncProgress | null; jobName?: string; atsName?: string }) {
  if (!progress) return null;
  if (progress.state === 'done') {
    const text =
      progress.outcome === 'duplicate'
        ? `Already synced: this candidate already has an application for ${jobName ?? 'this job'}. Nothing new was sent.`
        : progress.outcome === 'added-to-existing'
          ? `Synced: the candidate was already in ${atsName ?? 'the ATS'} and got a new application for ${jobName ?? 'the job'}.`
          : `Synced to ${jobName ?? 'the job'} in ${atsName ?? 'the ATS'}.`;
    return (
      <div className="notice ok" role="status">
        {text}
        {progress.resumeNote && <p>{progress.resumeNote}</p>}
        {progress.warnings?.map((w) => (
          <p key={w}>{w}</p>
        ))}
      </div>
    );
  }
  if (progress.state === 'needs-attention') {
    return (
      <p className="notice err" role="alert">
        Not synced: {progress.message}
      </p>
    );
  }
  const when = progress.nextAttemptAt ? new Date(progress.nextAttemptAt).toLocaleTimeString() : undefined;
  return (
    <p className="notice warn" role="status">
      {when ? `The ATS did not answer yet (${progress.message ?? 'busy'}). Hirebridge will try again at ${when}; you can close this window.` : 'Sending to the ATS…'}
    </p>
  );
}
