import { useEffect, useMemo, useRef, useState, type ChangeEvent, type MouseEvent } from 'react';
import { sendIntent } from '@/lib/messaging/client';
import { SyncFields, type ResumeUpload, type SourcedOnPage, type SyncDraft, type SyncJobOption, type SyncProgress } from '@/lib/sourcing/intents';
import { base64ToBytes } from '@/lib/pdf/base64';
import { currentLanguage, formatDateTime } from '@/lib/i18n';
import { useClickGuard } from '../ui/click-guard';
import { DialogActions } from '../ui/DialogActions';
import { dialogKeyHandler } from '../ui/dialog-keyboard';
import { OperationStatus, statusText, useOperationProgress } from '../ui/OperationStatus';
import { t } from './messages';
import { fileToUpload } from '@/lib/sites/resume';
import { answerProblem, type AnswerProblem } from '@/lib/sourcing/answers';

/**
 * "Sync to ATS": review the person read from the page, pick an Active job, answer its screening questions, check
 * the assessment and transcript, Sync. Everything shown is text (React escapes it); the PDF is built by the worker.
 */

type TextField = 'firstName' | 'lastName' | 'email' | 'phone';
/** What the form says under a question, by what the one answer check found. */
const ANSWER_PROBLEM_MESSAGE = { required: 'questionRequired', number: 'enterNumber', date: 'dateFormat', invalid: 'answerInvalid' } as const satisfies Record<AnswerProblem, string>;
const TEXT_FIELDS: { name: TextField; inputMode?: 'email' | 'tel' }[] = [{ name: 'firstName' }, { name: 'lastName' }, { name: 'email', inputMode: 'email' }, { name: 'phone', inputMode: 'tel' }];

export interface ResumeSource {
  /** Download the resume linked from the page (same origin, with the page's session). */
  fetchLinked?(): Promise<ResumeUpload>;
}

export interface SyncDialogProps {
  page: SourcedOnPage;
  resume: ResumeSource;
  onClose(): void;
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
  const [progress, setProgress] = useOperationProgress('syncProgress');
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [planned, setPlanned] = useState<string | null>(null);
  const guard = useClickGuard();

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
          jobKey: d.preselectedJobKey ?? '',
        }));
      })
      .catch(() => setLoadError(t('noContact')));
  }, [page]);

  // The resume linked from the page, fetched once with the page's own session.
  useEffect(() => {
    if (!resume.fetchLinked) return;
    setResumeNote(t('downloadingResume'));
    resume
      .fetchLinked()
      .then((file) => {
        setResumeFile(file);
        setResumeNote(t('resumeFromPage', { file: file.fileName }));
      })
      .catch((error: Error) => setResumeNote(t('resumeNotDownloaded', { reason: error.message })));
  }, [resume]);

  useEffect(() => {
    dialogRef.current?.querySelector<HTMLElement>('input, select, button')?.focus();
  }, [draft, loadError]);

  const job: SyncJobOption | undefined = draft?.jobs.find((j) => j.key === values.jobKey);
  const parsed = useMemo(() => SyncFields.safeParse({ ...values, rating }), [values, rating]);
  const errors = useMemo(() => {
    const out: Record<string, string> = {};
    if (!parsed.success) for (const issue of parsed.error.issues) out[String(issue.path[0])] ??= issue.message;
    for (const q of job?.questions ?? []) {
      const problem = answerProblem(q, answers[q.id]);
      if (problem) out[`q:${q.id}`] = t(ANSWER_PROBLEM_MESSAGE[problem]);
    }
    return out;
  }, [parsed, job, answers]);

  const finished = progress?.state === 'done';
  const alreadySynced = !!job?.syncedAt;
  const inFlight = progress?.state === 'queued' || progress?.state === 'sending';
  const canSync = !!draft && Object.keys(errors).length === 0 && !busy && !finished && !inFlight && !alreadySynced;
  const labels = ['firstName', 'lastName', 'email', 'phone', 'jobKey', 'summary', 'transcript'] as const;
  const labelOf = (field: string) => ((labels as readonly string[]).includes(field) ? t(field as (typeof labels)[number]) : undefined);
  const stillNeeded =
    draft && !finished && !alreadySynced
      ? Object.keys(errors).map((k) => (k.startsWith('q:') ? job?.questions.find((q) => `q:${q.id}` === k)?.title : labelOf(k))).filter(Boolean)
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

  /** Sync now, or (`plan`) prepare it to go out by itself once the person reaches the trigger stage. */
  async function send(event: MouseEvent<HTMLButtonElement>, mode: 'now' | 'plan') {
    if (!event.nativeEvent.isTrusted || !canSync || !parsed.success || !draft) return;
    setBusy(true);
    setSubmitError(null);
    // A click that landed while the page hid or covered the form sends nothing, and says why.
    const refused = await guard(event.nativeEvent);
    if (refused) {
      setBusy(false);
      return setSubmitError(refused);
    }
    try {
      // Only the answers of the chosen job's questions go out.
      const questionIds = new Set(job?.questions.map((q) => q.id));
      const input = { candidateKey: draft.candidateKey, fields: parsed.data, answers: Object.fromEntries(Object.entries(answers).filter(([id]) => questionIds.has(id))), resume: resumeFile };
      if (mode === 'now') {
        const result = await sendIntent('submitSync', input);
        if (result.ok) setProgress(result.value);
        else setSubmitError(result.error.message);
      } else {
        const result = await sendIntent('planAutoSync', input);
        if (!result.ok) setSubmitError(result.error.message);
        else setPlanned(t(result.value.sentNow ? 'sentNow' : 'planned', { stage: result.value.stage, job: job?.name ?? t('aJob') }));
      }
    } catch {
      setSubmitError(mode === 'now' ? t('lostContact') : t('noContact'));
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
      setResumeNote(t('resumeChosen', { file: upload.fileName }));
    } catch (error) {
      setResumeNote((error as Error).message);
    }
  }

  return (
    <div className="backdrop" lang={currentLanguage()} onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="hb-sync-title" aria-describedby="hb-sync-desc" ref={dialogRef} onKeyDown={dialogKeyHandler(dialogRef, onClose)}>
        <h2 id="hb-sync-title">{t('title')}</h2>
        <p className="sub" id="hb-sync-desc">
          {draft ? t('fromInto', { site: draft.sourceSite, ats: draft.atsName, tag: draft.sourceName }) : t('loadingJobs')}
        </p>
        {loadError && (
          <p className="notice err" role="alert">
            {loadError}
          </p>
        )}
        {draft && draft.jobs.length === 0 && <p className="notice warn">{t('noActiveJob')}</p>}
        {draft && (
          <form onSubmit={(e) => e.preventDefault()} noValidate>
            <div className="grid">
              {TEXT_FIELDS.map(({ name, inputMode }) => (
                <div className={`field${name === 'email' ? ' wide' : ''}`} key={name}>
                  <label htmlFor={`hb-s-${name}`}>{t(name)}</label>
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
                <label htmlFor="hb-s-job">{t('jobKey')}</label>
                <select id="hb-s-job" value={values.jobKey} disabled={finished} onChange={(e) => setValue('jobKey', e.target.value)} aria-describedby={alreadySynced ? 'hb-s-job-note' : undefined}>
                  <option value="">{t('chooseJob')}</option>
                  {draft.jobs.map((j) => (
                    <option key={j.key} value={j.key}>
                      {j.name}
                      {j.location ? ` — ${j.location}` : ''}
                      {j.syncedAt ? t('alreadySyncedOption') : ''}
                    </option>
                  ))}
                </select>
                {alreadySynced && (
                  <span className="hint" id="hb-s-job-note" role="status">
                    {t('alreadySyncedOn', { date: formatDateTime(job!.syncedAt!, 'date') })}
                  </span>
                )}
              </div>
              {job?.questions.map((q) => (
                <Question key={q.id} question={q} value={answers[q.id]} error={touched[`q:${q.id}`] ? errors[`q:${q.id}`] : undefined} disabled={finished} onChange={(v) => setAnswer(q.id, v)} />
              ))}
              <fieldset className="field wide stars" disabled={finished}>
                <legend>{t('assessment')}</legend>
                {[1, 2, 3, 4, 5].map((n) => (
                  <label key={n}>
                    <input type="radio" name="hb-rating" checked={rating === n} onChange={() => setRating(n)} aria-label={t('stars', { count: n })} />
                    <span aria-hidden="true">{n <= (rating ?? 0) ? '★' : '☆'}</span>
                  </label>
                ))}
              </fieldset>
              <div className="field wide">
                <label htmlFor="hb-s-summary">{t('summary')}</label>
                <textarea id="hb-s-summary" rows={3} value={values.summary} disabled={finished} onChange={(e) => setValue('summary', e.target.value)} />
              </div>
              <div className="field wide">
                <label htmlFor="hb-s-transcript">{t('transcript')}</label>
                <textarea
                  id="hb-s-transcript"
                  rows={6}
                  value={values.transcript}
                  disabled={finished}
                  placeholder={t('transcriptPlaceholder')}
                  onChange={(e) => setValue('transcript', e.target.value)}
                  aria-invalid={!!show('transcript')}
                />
                {show('transcript') && <span className="error">{errors.transcript}</span>}
              </div>
              <div className="field wide">
                <label htmlFor="hb-s-resume">{t('resume')}</label>
                <input id="hb-s-resume" type="file" accept="application/pdf,.pdf" disabled={finished} onChange={(e) => void pickResume(e)} aria-describedby="hb-s-resume-note" />
                <span className="hint" id="hb-s-resume-note">
                  {resumeNote ?? t('noResume')}
                </span>
              </div>
            </div>
            {!draft.acceptsFiles && (
              <p className="notice warn">{t('noFiles', { ats: draft.atsName })}</p>
            )}
          </form>
        )}
        <SyncStatus progress={progress} jobName={job?.name} atsName={draft?.atsName} />
        {progress?.state === 'done' && progress.downloadAvailable && draft && (!draft.acceptsFiles || progress.cvAttached === false) && (
          <p className="notice">
            <button type="button" onClick={() => void download()}>
              {t('downloadPdf')}
            </button>
          </p>
        )}
        {draft?.plannedJobKey && !planned && !progress && (
          <p className="notice" role="status">
            {t('plannedFor', { job: draft.jobs.find((j) => j.key === draft.plannedJobKey)?.name ?? t('aJob'), stage: draft.autoSyncStage ?? '' })}
          </p>
        )}
        {planned && (
          <p className="notice ok" role="status">
            {planned}
          </p>
        )}
        <DialogActions error={submitError} needs={stillNeeded.length > 0 ? t('stillNeeded', { fields: stillNeeded.join(', ') }) : undefined} closeLabel={finished ? t('close') : t('cancel')} onClose={onClose}>
          {(needsId) => (
            <>
              {!finished && draft?.autoSyncStage && !planned && (
                <button type="button" disabled={!canSync} onClick={(e) => void send(e, 'plan')}>
                  {t('syncWhen', { stage: draft.autoSyncStage })}
                </button>
              )}
              {!finished && (
                <button type="button" className="primary" disabled={!canSync} onClick={(e) => void send(e, 'now')} aria-describedby={needsId}>
                  {busy ? t('syncing') : t('sync')}
                </button>
              )}
            </>
          )}
        </DialogActions>
      </div>
    </div>
  );
}

function Question(props: { question: SyncJobOption['questions'][number]; value: AnswerValue | undefined; error?: string; disabled?: boolean; onChange(v: AnswerValue | undefined): void }) {
  const { question: q, value, onChange } = props;
  const id = `hb-q-${q.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const label = `${q.title}${q.required ? t('required') : ''}`;
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
              [t('yes'), true],
              [t('no'), false],
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
            <option value="">{t('choose')}</option>
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
              onChange(file ? await fileToUpload(file).catch(() => undefined) : undefined); // unreadable file: the answer stays empty and its check says so
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
            placeholder={isDate ? t('dateHint') : undefined}
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

const STATUS_TEXT = statusText(t, 'notSynced');

function SyncStatus({ progress, jobName, atsName }: { progress: SyncProgress | null; jobName?: string; atsName?: string }) {
  const text =
    progress?.outcome === 'duplicate'
      ? t('doneDuplicate', { job: jobName ?? t('thisJob') })
      : progress?.outcome === 'added-to-existing'
        ? t('doneAddedToExisting', { ats: atsName ?? t('theAts'), job: jobName ?? t('theJob') })
        : t('doneSynced', { job: jobName ?? t('theJob'), ats: atsName ?? t('theAts') });
  const done = (
    <div className="notice ok" role="status">
      {text}
      {progress?.cvAttached === true && <p>{t('cvAttached', { ats: atsName ?? t('theAts') })}</p>}
      {progress?.cvAttached === false && !progress.cvNote && <p>{t('cvNotKept', { ats: atsName ?? t('theAts') })}</p>}
      {progress?.cvNote && <p>{progress.cvNote}</p>}
      {progress?.resumeNote && <p>{progress.resumeNote}</p>}
      {progress?.warnings?.map((w) => (
        <p key={w}>{w}</p>
      ))}
    </div>
  );
  // Looking an unanswered send up is not a retry: say that nothing is sent again until it has looked.
  if (progress?.checking && progress.nextAttemptAt) {
    return (
      <p className="notice warn" role="status">
        {t('checkingAt', { reason: progress.message ?? '', time: formatDateTime(progress.nextAttemptAt, 'time') })}
      </p>
    );
  }
  return <OperationStatus progress={progress} done={done} text={STATUS_TEXT} />;
}
