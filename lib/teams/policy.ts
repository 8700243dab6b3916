import { z } from 'zod/mini';
import { PROVIDER_NAMES, prepareConnection, removeConnection, saveConnections } from '../connections';
import { attempt } from '../errors';
import { db } from '../db';
import { readConnection, readConnections, type ConnectionSlot } from '../connections/records';
import { ConnectInput } from '../connections/intents';
import { applyPolicyRecipes } from '../recipes/store';
import { ManagedSyncRules, readPolicy, SettingsSchema, type PolicyRead } from '../settings';
import { t } from './messages';
import { type PolicyJobs, type PolicyReport, type TeamSetupStatus } from './schema';
import { policyFingerprintsRow, policyJobsRow, policyReportRow, teamStatusRow } from './rows';

export type { PolicyJobs, PolicyReport } from './schema';

/**
 * Deploy by managed policy (Chrome/Edge `3rdparty.extensions.<id>`, Firefox `3rdparty.Extensions.<id>`): the
 * organisation's connections (the key is verified, then kept encrypted like a typed one and never shown or
 * exported), its active jobs and, through lib/settings' overlay, its settings. Every policy value is checked on
 * its own: a wrong one is ignored with a note, and a connection is applied whole or not at all.
 */


const CONNECTION_FIELDS = ['provider', 'environment', 'baseUrl', 'integrationId', 'accountId', 'apiKey'];

/** Policy keys of the team setup (the settings' own keys are read by lib/settings). */
const PolicyTeam = {
  managedBy: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  activeJobIds: z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.maxLength(5000)),
  activeJobCountries: ManagedSyncRules.shape.countries,
};

function firstIssue(error: z.core.$ZodError): { field: string; reason: string } {
  const issue = error.issues[0];
  return { field: issue?.path.join('.') || 'value', reason: issue?.message ?? '' };
}

async function fingerprint(input: ConnectInput): Promise<string> {
  const bytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(input)));
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Bring this browser in line with the policy (by default read from the store now, through lib/settings' one
 * policy reader). Run at every worker start and when the policy changes.
 */
export async function applyManagedPolicy(read?: PolicyRead): Promise<PolicyReport> {
  const { policy: raw, fromStore } = read ?? (await readPolicy());
  // The store did not answer in time (Chromium's first read after a start, slower on a busy machine): the last known
  // policy was applied when it was read, and it lacks the deployed connections (their keys are never kept), so
  // judging by it would remove them — and a key revoked since could then not even be reported on its card. Nothing
  // changes until a read the store answers (a changed policy's storage.onChanged, or the next worker start).
  if (!fromStore) return { ...(await readPolicyReport()), applied: [] };
  const notes: string[] = [];
  const known = new Set([...Object.keys(SettingsSchema.shape), ...Object.keys(ManagedSyncRules.shape), ...Object.keys(PolicyTeam), 'connections', 'siteRecipes']);
  for (const key of Object.keys(raw)) if (!known.has(key)) notes.push(t('policyUnknownKey', { key }));
  // Settings are applied by lib/settings' overlay; a wrong one is only noted here so people can see why.
  const shapes: Record<string, z.ZodMiniType> = { ...SettingsSchema.shape, ...ManagedSyncRules.shape, ...PolicyTeam };
  const valid: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(shapes)) {
    if (raw[key] === undefined) continue;
    const parsed = schema.safeParse(raw[key]);
    if (parsed.success) valid[key] = parsed.data;
    else notes.push(t('policyWrongValue', { key, reason: firstIssue(parsed.error).reason }));
  }

  const database = db();
  const fingerprints: Partial<Record<ConnectionSlot, string>> = (await policyFingerprintsRow.read()) ?? {};
  const slots: ConnectionSlot[] = [];
  const applied: ConnectionSlot[] = [];
  const rawConnections = raw.connections;
  if (rawConnections !== undefined && (typeof rawConnections !== 'object' || rawConnections === null || Array.isArray(rawConnections))) {
    notes.push(t('policyWrongValue', { key: 'connections', reason: 'expected an object with "hr" and/or "ats"' }));
  }
  const entries = typeof rawConnections === 'object' && rawConnections && !Array.isArray(rawConnections) ? (rawConnections as Record<string, unknown>) : {};
  for (const key of Object.keys(entries)) if (key !== 'hr' && key !== 'ats') notes.push(t('policyUnknownKey', { key: `connections.${key}` }));
  for (const slot of ['hr', 'ats'] as const) {
    const entry = entries[slot];
    if (entry === undefined) continue;
    slots.push(slot);
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      notes.push(t('policyConnectionIgnored', { slot, field: slot, reason: 'expected an object' }));
      continue;
    }
    const fields = entry as Record<string, unknown>;
    for (const key of Object.keys(fields)) if (!CONNECTION_FIELDS.includes(key)) notes.push(t('policyUnknownKey', { key: `connections.${slot}.${key}` }));
    const input = ConnectInput.safeParse(Object.fromEntries(CONNECTION_FIELDS.filter((k) => k in fields).map((k) => [k, fields[k]])));
    if (!input.success) {
      notes.push(t('policyConnectionIgnored', { slot, ...firstIssue(input.error) }));
      continue;
    }
    if ((input.data.provider === 'factorial-hr') !== (slot === 'hr')) {
      notes.push(t('policyConnectionIgnored', { slot, field: 'provider', reason: `${input.data.provider} does not belong in "${slot}"` }));
      continue;
    }
    const print = await fingerprint(input.data);
    const existing = await readConnection(slot);
    if (existing?.origin === 'policy' && fingerprints[slot] === print) continue;
    const prepared = await attempt(prepareConnection(input.data, 'policy'));
    if (!prepared.ok) {
      const provider = PROVIDER_NAMES[input.data.provider];
      const text =
        prepared.error.code === 'permission'
          ? t('policyNoPermission', { provider, host: new URL(input.data.baseUrl ?? 'https://invalid').host })
          : t('policyKeyRefused', { provider, reason: prepared.error.message });
      notes.push(text);
      // A deployed key that stops working: the card says to ask the admin (never asks for a key).
      if (existing?.origin === 'policy') await database.connections.put({ ...existing, lastCheckAt: new Date().toISOString(), lastCheckOk: false, lastCheckMessage: text });
      continue;
    }
    await saveConnections([prepared.value]);
    fingerprints[slot] = print;
    applied.push(slot);
  }
  // A connection the organisation withdrew from the policy goes away with it. An empty answer may also be a policy
  // store that did not answer in time, so it removes nothing.
  const answered = Object.keys(raw).length > 0;
  for (const record of answered ? await readConnections() : []) {
    if (record.origin === 'policy' && !slots.includes(record.slot)) {
      await removeConnection(record.slot);
      delete fingerprints[record.slot];
    }
  }
  await policyFingerprintsRow.write(fingerprints);

  const jobs: PolicyJobs | null =
    valid.activeJobIds || valid.activeJobCountries ? { ids: valid.activeJobIds as string[] | undefined, countries: valid.activeJobCountries as string[] | undefined } : null;
  await policyJobsRow.write(jobs);

  const managedBy = valid.managedBy as string | undefined;
  const current = await teamStatusRow.read();
  if (slots.length || jobs || managedBy) {
    await teamStatusRow.write({ role: 'recruiter', by: 'policy', companyName: managedBy } satisfies TeamSetupStatus);
  } else if (current?.by === 'policy' && answered) {
    await teamStatusRow.remove();
  }
  // Site recipes ("Teach this page"), read-only here: each is checked on its own, a wrong one is noted and left out.
  if (raw.siteRecipes !== undefined && !Array.isArray(raw.siteRecipes)) notes.push(t('policyWrongValue', { key: 'siteRecipes', reason: 'not a list' }));
  for (const note of await applyPolicyRecipes(raw.siteRecipes, managedBy)) notes.push(t('policyWrongValue', { key: 'siteRecipes', reason: note }));
  const report: PolicyReport = { notes, managedBy, slots, applied };
  await policyReportRow.write(report);
  return report;
}

export async function readPolicyReport(): Promise<PolicyReport> {
  return (await policyReportRow.read()) ?? { notes: [], slots: [], applied: [] };
}
