import { PROVIDER_NAMES, prepareConnection, saveConnections, type PreparedConnection } from '../connections';
import { readAtsConnection, readConnections, type ConnectionRecord } from '../connections/records';
import { ConnectInput } from '../connections/intents';
import { attempt, PublicError, publicMessageOf } from '../errors';
import { t as generic } from '../messaging/messages';
import { needsFormat2 } from '../recipes/schema';
import { replaceFileRecipes, teamFileRecipes } from '../recipes/store';
import { openSecret } from '../secrets';
import { MIN_PASSPHRASE_LENGTH, requireAdmin } from '../security';
import { readManagedSyncRules, readSettings, writeSetting, type SettingName } from '../settings';
import { readCountryFilter, readPullInterval, runJobPull, setJobActive, writeCountryFilter, writePullInterval } from '../jobs';
import { openWithPassphrase, sealWithPassphrase } from './crypto';
import { t } from './messages';
import { readPolicyReport } from './policy';
import { fileActiveJobsRow, policyJobsRow, teamStatusRow } from './rows';
import { SETUP_FORMAT, SETUP_VERSION, SetupEnvelope, TeamSetupFile, type ImportSummary, type SetupConnection, type TeamSetupStatus } from './schema';
import { activeJobsOf, jobsOf } from '../jobs/records';

/**
 * Team setup without IT: the admin's browser writes its connections (keys only encrypted to a passphrase),
 * active jobs and settings into one file; a recruiter's browser reads it back in one step. An import checks
 * everything (format, version, company, passphrase, every key against its vendor) before it changes anything.
 */

export async function teamSetupStatus(): Promise<TeamSetupStatus> {
  // Both reads at once: the options page's first paint waits for this answer beside listConnections'.
  const [stored, { notes, slots }] = await Promise.all([teamStatusRow.read(), readPolicyReport()]);
  const status: TeamSetupStatus = { ...(stored ?? { role: 'admin' }), policyNotes: notes, policySlots: slots };
  return status.role === 'recruiter' ? { ...status, adminReason: t('recruiterBrowser') } : status;
}

/**
 * Admin actions on a browser that follows a team setup are the admin's, not this browser's. One exception: a file
 * exported without keys leaves the connections to be made here, so connecting stays open.
 */
export async function refuseOnRecruiterBrowser(intent: string): Promise<void> {
  const status = await teamSetupStatus();
  if (status.role !== 'recruiter') return;
  if (intent === 'connect' && status.keysToConnect?.length) return;
  // Checking a key changes nothing; it is how a recruiter finds out a deployed key stopped working.
  if (intent === 'checkConnection') return;
  throw new PublicError(t('recruiterBrowser'));
}

function companyOf(connections: readonly ConnectionRecord[]) {
  const factorial = connections.find((c) => c.companyId);
  const kombo = connections.find((c) => c.provider === 'kombo');
  return {
    name: connections.find((c) => c.slot === 'hr')?.accountLabel ?? factorial?.accountLabel,
    factorialCompanyId: factorial?.companyId,
    komboIntegrationId: kombo?.integrationId,
  };
}

export async function exportTeamSetup(passphrase?: string): Promise<{ fileName: string; text: string }> {
  if (passphrase !== undefined && passphrase.length < MIN_PASSPHRASE_LENGTH) throw new PublicError(t('passphraseShort', { min: MIN_PASSPHRASE_LENGTH }));
  const records = await readConnections();
  const connections: SetupConnection[] = [];
  for (const record of records) {
    // Only a key typed in this browser is the admin's to hand on; one deployed by policy never leaves it.
    if (record.origin === 'policy') continue;
    const key = passphrase ? await sealWithPassphrase(await openSecret(record.secretId), passphrase) : undefined;
    connections.push({
      provider: record.provider,
      environment: record.environment,
      ...(record.environment === 'custom' ? { baseUrl: record.baseUrl } : {}),
      ...(record.integrationId ? { integrationId: record.integrationId } : {}),
      ...(record.accountId ? { accountId: record.accountId } : {}),
      ...(key ? { key } : {}),
    });
  }
  const ats = records.find((r) => r.slot === 'ats');
  const active = ats ? await activeJobsOf(ats.provider) : [];
  const view = await readSettings();
  const settings = Object.fromEntries(Object.entries(view.values).filter(([name]) => !view.managed.includes(name as SettingName)));
  const managedRules = await readManagedSyncRules();
  const siteRecipes = await teamFileRecipes();
  const file: TeamSetupFile = {
    format: SETUP_FORMAT,
    version: siteRecipes.some(needsFormat2) ? SETUP_VERSION : 2,
    createdAt: new Date().toISOString(),
    company: companyOf(records),
    connections,
    ...(ats ? { activeJobs: { provider: ats.provider, ids: active.map((j) => j.vendorId).sort() } } : {}),
    settings,
    syncRules: {
      ...(managedRules.pullIntervalMinutes === undefined ? { pullIntervalMinutes: await readPullInterval() } : {}),
      ...(managedRules.countries === undefined ? { countries: await readCountryFilter() } : {}),
    },
    siteRecipes,
  };
  const day = file.createdAt.slice(0, 10);
  return { fileName: `hirebridge-team-setup-${day}.json`, text: JSON.stringify(TeamSetupFile.parse(file), null, 2) };
}

/** Read and check a file: the parsed setup, or why it is refused. */
export function parseTeamSetup(text: string): TeamSetupFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new PublicError(t('notJson'));
  }
  const envelope = SetupEnvelope.safeParse(raw);
  if (!envelope.success) throw new PublicError(t('notSetup'));
  if (envelope.data.version > SETUP_VERSION) throw new PublicError(t('newer', { version: envelope.data.version }));
  const parsed = TeamSetupFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PublicError(t('damaged', { detail: issue ? `${issue.path.join('.') || 'file'}: ${issue.message}` : 'unreadable' }));
  }
  // Defaults filled in by the schema are not in the file: only what the admin exported is applied.
  const given = (raw as { settings: Record<string, unknown> }).settings;
  parsed.data.settings = Object.fromEntries(Object.entries(parsed.data.settings).filter(([name]) => name in given));
  return parsed.data;
}

function sameCompany(file: TeamSetupFile['company'], records: readonly Pick<ConnectionRecord, 'companyId' | 'provider' | 'integrationId'>[]): boolean {
  const here = companyOf(records as ConnectionRecord[]);
  if (file.factorialCompanyId && here.factorialCompanyId && file.factorialCompanyId !== here.factorialCompanyId) return false;
  if (file.komboIntegrationId && here.komboIntegrationId && file.komboIntegrationId !== here.komboIntegrationId) return false;
  return true;
}

/**
 * Import as the options page asks: replacing an admin's own setup needs the admin passphrase (when one is set, for
 * its unlocked 15 minutes); a recruiter's browser takes a newer file as it comes. A refusal answers 'locked'.
 */
export async function importTeamSetupAsAsked(text: string, passphrase?: string): Promise<ImportSummary> {
  if ((await teamSetupStatus()).role === 'admin') {
    await requireAdmin().catch((error: unknown) => {
      throw new PublicError(publicMessageOf(error, generic('internal')), 'locked');
    });
  }
  return importTeamSetup(text, passphrase);
}

export async function importTeamSetup(text: string, passphrase?: string): Promise<ImportSummary> {
  // The organisation's policy outranks any file.
  if ((await teamSetupStatus()).by === 'policy') throw new PublicError(t('recruiterBrowser'));
  const file = parseTeamSetup(text);
  if (!sameCompany(file.company, await readConnections())) throw new PublicError(t('otherCompany'));

  // Every key is decrypted and checked against its vendor before anything is stored.
  const prepared: PreparedConnection[] = [];
  const withoutKey: Array<'hr' | 'ats'> = [];
  for (const entry of file.connections) {
    const slot = entry.provider === 'factorial-hr' ? 'hr' : 'ats';
    if (!entry.key) {
      withoutKey.push(slot);
      continue;
    }
    if (!passphrase) throw new PublicError(t('needPassphrase'));
    const apiKey = await openWithPassphrase(entry.key, passphrase);
    if (apiKey === null) throw new PublicError(t('wrongPassphrase'));
    const input = ConnectInput.safeParse({ provider: entry.provider, environment: entry.environment, baseUrl: entry.baseUrl, integrationId: entry.integrationId, accountId: entry.accountId, apiKey });
    if (!input.success) throw new PublicError(t('damaged', { detail: `${PROVIDER_NAMES[entry.provider]}: ${input.error.issues[0]?.message ?? ''}` }));
    const result = await attempt(prepareConnection(input.data, 'file'));
    if (!result.ok) throw new PublicError(t('connectionFailed', { provider: PROVIDER_NAMES[entry.provider], reason: result.error.message }));
    prepared.push(result.value);
  }
  if (!sameCompany(file.company, prepared.map((p) => p.record))) throw new PublicError(t('keysOtherCompany'));

  await saveConnections(prepared);
  const managed = (await readSettings()).managed;
  for (const [name, value] of Object.entries(file.settings) as [SettingName, unknown][]) {
    if (!managed.includes(name)) await writeSetting(name, value);
  }
  const managedRules = await readManagedSyncRules();
  if (file.syncRules.pullIntervalMinutes !== undefined && managedRules.pullIntervalMinutes === undefined) await writePullInterval(file.syncRules.pullIntervalMinutes);
  if (file.syncRules.countries !== undefined && managedRules.countries === undefined) await writeCountryFilter(file.syncRules.countries);
  await fileActiveJobsRow.write(file.activeJobs ?? null);
  if (file.siteRecipes) await replaceFileRecipes(file.siteRecipes);
  const status: TeamSetupStatus = {
    role: 'recruiter',
    by: 'file',
    companyName: file.company.name,
    createdAt: file.createdAt,
    importedAt: new Date().toISOString(),
    ...(withoutKey.length ? { keysToConnect: withoutKey } : {}),
  };
  await teamStatusRow.write(status);

  // The jobs must be here to be activated: pull them now (a failed pull leaves them for the next one).
  if (await readAtsConnection()) await runJobPull().catch(() => undefined); // runJobPull logs its own failure
  const { active, pending } = await applyTeamActiveJobs();
  return { connected: prepared.map((p) => p.record.slot), withoutKey, activeJobs: active, pendingJobs: pending, createdAt: file.createdAt };
}

/** Make the active jobs exactly the team's (after an import, and after every pull on a recruiter's browser). */
export async function applyTeamActiveJobs(): Promise<{ active: number; pending: number }> {
  // The policy's jobs (ids, or every open job in some countries) outrank a file's.
  const policy = await policyJobsRow.read();
  const fromFile = await fileActiveJobsRow.read();
  const ats = await readAtsConnection();
  const provider = policy ? ats?.provider : fromFile?.provider;
  if ((!policy && !fromFile) || !provider) return { active: 0, pending: 0 };
  const ids = new Set(policy ? (policy.ids ?? []) : fromFile!.ids);
  const countries = new Set(policy?.countries ?? []);
  const jobs = await jobsOf(provider);
  let active = 0;
  for (const job of jobs) {
    const want = ids.has(job.vendorId) || (!!job.country && countries.has(job.country.toUpperCase()) && job.status !== 'archived');
    ids.delete(job.vendorId);
    if (want && job.status === 'disabled') await setJobActive(job.key, true);
    else if (!want && job.status === 'active') await setJobActive(job.key, false);
    if (want && job.status !== 'archived') active++;
  }
  return { active, pending: ids.size };
}
