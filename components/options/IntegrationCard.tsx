import { useEffect, useId, useState, type FormEvent } from 'react';
import { originPattern } from '@/lib/hosts';
import { formatDateTime } from '@/lib/i18n';
import { DIRECT_ATS_CARDS, directAtsCard, FACTORIAL_ENVIRONMENTS, KOMBO_ENVIRONMENTS, PROVIDER_NAMES } from '@/lib/connections/choices';
import type { ConnectionView, Provider } from '@/lib/connections/intents';
import { sendIntent, type Failure } from '@/lib/messaging';
import { t } from './messages';
import { t as teamT } from './team-messages';
import { AdminLockNote, useAdminLock } from './admin-lock';

/**
 * One integration card (a region named by its heading): connect with a key, or show the connection with
 * View (details) and Remove integration. Keys are sent once to the service worker and never come back.
 */

type Slot = 'hr' | 'ats';

/** The vendors' environments are the lists the connect intent's schemas are built from; only their labels are the form's. */
const ENVIRONMENT_LABEL = { production: 'envProduction', demo: 'envDemo', eu: 'envEu', us: 'envUs', custom: 'envCustom' } as const;
const ENVIRONMENTS = {
  factorial: FACTORIAL_ENVIRONMENTS.map((value) => ({ value, label: ENVIRONMENT_LABEL[value] })),
  kombo: KOMBO_ENVIRONMENTS.map((value) => ({ value, label: ENVIRONMENT_LABEL[value] })),
};

/**
 * The form's checks (the connect intent's schema, zod): loaded once the form is on screen, not in the page's start
 * bundle, where zod was a quarter of the code and a third of the evaluation before the cards could show (a fresh
 * browser's first open, bench options-first-open). A submit waits for it if it is not there yet. (lib/hosts stays
 * static: 3 KB.)
 */
let connectSchema: Promise<typeof import('@/lib/connections/intents').ConnectInput> | undefined;
const loadConnectSchema = () => (connectSchema ??= import('@/lib/connections/intents').then((intents) => intents.ConnectInput));

export function environmentLabel(environment: string): string {
  return Object.hasOwn(ENVIRONMENT_LABEL, environment) ? t(ENVIRONMENT_LABEL[environment as keyof typeof ENVIRONMENT_LABEL]) : environment;
}

interface Props {
  slot: Slot;
  title: string;
  description: string;
  connection: ConnectionView | undefined;
  onChanged(): void;
}

export function IntegrationCard({ slot, title, description, connection, onChanged, managedByPolicy, toConnectHere }: Props & { managedByPolicy?: boolean; toConnectHere?: boolean }) {
  const headingId = useId();
  const lockId = useId();
  // A recruiter's browser connects only what the team's file left to connect here (a file without keys).
  const locked = !!useAdminLock() && !(toConnectHere && !connection);
  // A connection the organisation deploys is theirs: no key form here, even when its key stopped working.
  const deployed = managedByPolicy || connection?.origin === 'policy';
  return (
    <section className="hb-card" role="region" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p className="hb-sub">{description}</p>
      {deployed && <p className="hb-note">{teamT('managedConnection')}</p>}
      {locked && !deployed && <AdminLockNote id={lockId} />}
      {connection ? (
        <ConnectedView connection={connection} onChanged={onChanged} deployed={deployed} lockedBy={locked ? lockId : undefined} />
      ) : deployed ? (
        <p className="hb-alert" role="alert">
          {teamT('deployedNotApplied')}
        </p>
      ) : (
        <ConnectForm slot={slot} onConnected={onChanged} lockedBy={locked ? lockId : undefined} />
      )}
    </section>
  );
}

function ConnectForm({ slot, onConnected, lockedBy }: { slot: Slot; onConnected(): void; /** The id of the note saying why it is disabled. */ lockedBy?: string }) {
  const [provider, setProvider] = useState<Provider>(slot === 'hr' ? 'factorial-hr' : 'factorial-ats');
  const [environment, setEnvironment] = useState<string>(slot === 'hr' ? 'production' : 'production');
  const [baseUrl, setBaseUrl] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [integrationId, setIntegrationId] = useState('');
  const [accountId, setAccountId] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { provider: useId(), environment: useId(), baseUrl: useId(), apiKey: useId(), integrationId: useId(), accountId: useId() };

  const isKombo = provider === 'kombo';
  // A direct ATS asks what its own admin screen gives, labelled its way (lib/connectors/<vendor>/card.ts).
  const direct = directAtsCard(provider);
  const environments: { value: string; label: string }[] = direct
    ? [...direct.environments, { value: 'custom', label: t('envCustom') }]
    : (isKombo ? ENVIRONMENTS.kombo : ENVIRONMENTS.factorial).map((env) => ({ value: env.value, label: t(env.label) }));
  const secretField = direct?.fields.find((field) => field.key === 'secret');
  const accountField = direct?.fields.find((field) => field.key === 'accountId');

  function chooseProvider(next: Provider) {
    setProvider(next);
    setEnvironment(next === 'kombo' ? 'eu' : (directAtsCard(next)?.environments[0]?.value ?? 'production'));
    setFieldErrors({});
    setError(null);
  }

  // After the first paint: the checks are there before anyone can type a key.
  useEffect(() => void loadConnectSchema().catch(() => undefined), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    let ConnectInput: Awaited<ReturnType<typeof loadConnectSchema>>;
    try {
      ConnectInput = await loadConnectSchema();
    } catch {
      connectSchema = undefined; // loaded again at the next submit
      setError({ code: 'internal', message: t('noContact') });
      return;
    }
    const draft = {
      provider,
      environment,
      baseUrl: environment === 'custom' ? baseUrl : undefined,
      apiKey,
      ...(isKombo ? { integrationId } : {}),
      ...(accountField ? { accountId } : {}),
    };
    const parsed = ConnectInput.safeParse(draft);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'form');
        errors[field] ??= issue.message;
      }
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    setBusy(true);
    try {
      // A custom host needs the user's permission, asked here while the click still counts as a user gesture.
      if (parsed.data.environment === 'custom' && parsed.data.baseUrl) {
        const granted = await browser.permissions.request({ origins: [originPattern(parsed.data.baseUrl)] });
        if (!granted) {
          setFieldErrors({ baseUrl: t('permissionNeeded', { host: new URL(parsed.data.baseUrl).host }) });
          return;
        }
      }
      const result = await sendIntent('connect', draft as never);
      if (result.ok) {
        setApiKey('');
        onConnected();
      } else if (result.error.field && result.error.field !== 'apiKey') {
        setFieldErrors({ [result.error.field]: result.error.message });
      } else {
        setError(result.error);
      }
    } catch {
      setError({ code: 'internal', message: t('noContact') });
    } finally {
      setBusy(false);
    }
  }

  const describe = (field: string, hintId?: string) =>
    [fieldErrors[field] ? `${ids[field as keyof typeof ids]}-error` : '', hintId ?? ''].filter(Boolean).join(' ') || undefined;

  return (
    <form onSubmit={submit} noValidate>
      <fieldset disabled={!!lockedBy} aria-describedby={lockedBy} className="hb-plain">
      {slot === 'ats' && (
        <div className="hb-field">
          <label htmlFor={ids.provider}>{t('provider')}</label>
          <select id={ids.provider} value={provider} onChange={(e) => chooseProvider(e.target.value as Provider)}>
            <option value="factorial-ats">Factorial ATS</option>
            {DIRECT_ATS_CARDS.map((card) => (
              <option key={card.provider} value={card.provider}>
                {card.name}
              </option>
            ))}
            <option value="kombo">Kombo</option>
          </select>
          <span className="hb-hint">{direct ? direct.hint : isKombo ? t('komboHint') : t('factorialAtsHint')}</span>
        </div>
      )}
      <div className="hb-field">
        <label htmlFor={ids.environment}>{t('environment')}</label>
        <select id={ids.environment} value={environment} onChange={(e) => setEnvironment(e.target.value)}>
          {environments.map((env) => (
            <option key={env.value} value={env.value}>
              {env.label}
            </option>
          ))}
        </select>
      </div>
      {environment === 'custom' && (
        <Field id={ids.baseUrl} label={t('baseUrl')} error={fieldErrors.baseUrl}>
          <input
            id={ids.baseUrl}
            type="url"
            inputMode="url"
            placeholder={isKombo ? 'https://proxy.example.com/kombo/v1' : 'https://proxy.example.com'}
            value={baseUrl}
            onChange={(e) => setBaseUrl(e.target.value)}
            aria-invalid={!!fieldErrors.baseUrl}
            aria-describedby={describe('baseUrl')}
          />
        </Field>
      )}
      {accountField && (
        <Field id={ids.accountId} label={accountField.label} error={fieldErrors.accountId} hint={accountField.hint}>
          <input
            id={ids.accountId}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={accountId}
            onChange={(e) => setAccountId(e.target.value)}
            aria-invalid={!!fieldErrors.accountId}
            aria-describedby={describe('accountId', `${ids.accountId}-hint`)}
          />
        </Field>
      )}
      <Field id={ids.apiKey} label={secretField?.label ?? t('apiKey')} error={fieldErrors.apiKey} hint={secretField?.hint ?? (isKombo ? t('komboKeyHint') : undefined)}>
        <input
          id={ids.apiKey}
          // A text input masked with CSS keeps the textbox role and stays out of password managers.
          type="text"
          className="hb-secret"
          autoComplete="off"
          spellCheck={false}
          value={apiKey}
          onChange={(e) => setApiKey(e.target.value)}
          aria-invalid={!!fieldErrors.apiKey}
          aria-describedby={describe('apiKey', isKombo || secretField ? `${ids.apiKey}-hint` : undefined)}
        />
      </Field>
      {isKombo && (
        <Field id={ids.integrationId} label={t('integrationId')} error={fieldErrors.integrationId} hint={t('integrationIdHint')}>
          <input
            id={ids.integrationId}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={integrationId}
            onChange={(e) => setIntegrationId(e.target.value)}
            aria-invalid={!!fieldErrors.integrationId}
            aria-describedby={describe('integrationId', `${ids.integrationId}-hint`)}
          />
        </Field>
      )}
      {error && (
        <p className="hb-alert" role="alert">
          {error.message}
        </p>
      )}
      <div className="hb-actions">
        <button type="submit" className="hb-primary" disabled={busy}>
          {t('connect')}
        </button>
        {busy && (
          <span className="hb-note" role="status">
            {t('checkingKey', { provider: PROVIDER_NAMES[provider] })}
          </span>
        )}
      </div>
      </fieldset>
    </form>
  );
}

function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: string; children: React.ReactNode }) {
  return (
    <div className="hb-field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <span className="hb-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="hb-field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}


function ConnectedView({ connection, onChanged, deployed, lockedBy }: { connection: ConnectionView; onChanged(): void; deployed?: boolean; lockedBy?: string }) {
  const [showDetails, setShowDetails] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const detailsId = useId();

  async function run(action: () => Promise<{ ok: boolean; error?: Failure }>) {
    setBusy(true);
    setError(null);
    try {
      const result = await action();
      if (!result.ok && result.error) setError(result.error.message);
      onChanged();
    } catch {
      setError(t('noContact'));
    } finally {
      setBusy(false);
    }
  }

  // Viewing details is an admin action: with a passphrase set, it needs an unlocked session.
  async function toggleDetails() {
    if (showDetails) return setShowDetails(false);
    const status = await sendIntent('securityStatus', undefined).catch(() => null); // no answer from the worker: the details open (the view holds only the key's last four characters)
    if (status?.ok && !status.value.unlocked) return setError(t('needsPassphrase'));
    setError(null);
    setShowDetails(true);
  }

  const providerLine = [
    PROVIDER_NAMES[connection.provider],
    connection.toolName,
    environmentLabel(connection.environment),
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <div>
      <p className="hb-actions">
        <span className="hb-status">{t('connected')}</span>
        <span className="hb-note">{providerLine}</span>
      </p>
      {!connection.lastCheckOk && connection.lastCheckMessage && (
        <p className="hb-alert" role="alert">
          {t('lastCheckFailed', { message: connection.lastCheckMessage })}
        </p>
      )}
      <div className="hb-actions">
        <button type="button" aria-expanded={showDetails} aria-controls={detailsId} onClick={() => void toggleDetails()}>
          {showDetails ? t('hide') : t('view')}
        </button>
        {!deployed && (
          <button type="button" className="hb-danger" disabled={busy || !!lockedBy} aria-describedby={lockedBy} onClick={() => run(() => sendIntent('removeConnection', connection.slot))}>
            {t('removeIntegration')}
          </button>
        )}
      </div>
      {showDetails && (
        <div id={detailsId}>
          <dl className="hb-details" aria-label={t('connectionDetails')}>
            <dt>{t('provider')}</dt>
            <dd>{PROVIDER_NAMES[connection.provider]}</dd>
            <dt>{t('environment')}</dt>
            <dd>{environmentLabel(connection.environment)}</dd>
            <dt>{t('baseUrl')}</dt>
            <dd>{connection.baseUrl}</dd>
            {connection.integrationId && (
              <>
                <dt>{t('integrationId')}</dt>
                <dd>{connection.integrationId}</dd>
              </>
            )}
            {connection.accountLabel && (
              <>
                <dt>{t('account')}</dt>
                <dd>{connection.accountLabel}</dd>
              </>
            )}
            <dt>{t('apiKey')}</dt>
            <dd>{connection.maskedKey}</dd>
            <dt>{t('connectedAt')}</dt>
            <dd>{formatDateTime(connection.connectedAt)}</dd>
            <dt>{t('lastCheck')}</dt>
            <dd>
              {formatDateTime(connection.lastCheckAt)} — {connection.lastCheckOk ? t('checkOk') : t('checkFailed')}
            </dd>
          </dl>
          <button type="button" disabled={busy} onClick={() => run(() => sendIntent('checkConnection', connection.slot))}>
            {t('checkAgain')}
          </button>
        </div>
      )}
      {error && (
        <p className="hb-alert" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
