import { PublicError } from '../errors';
import { recordActivity } from '../activity';
import {
  ConnectorError,
  createFactorialAts,
  createFactorialHr,
  createKomboAts,
  directAts,
  directAtsCard,
  komboToolFromIntegrationId,
  resolveFactorialBaseUrl,
  resolveKomboBaseUrl,
  type AtsPort,
  type FactorialHrPort,
  type HttpHooks,
} from '../connectors';
import { db } from '../db';
import type { ConnectionRecord, ConnectionSlot } from './records';
import { PROVIDER_NAMES, type ConnectInput, type ConnectionView } from './intents';
import { pacedHooks } from '../outbox';
import { pacedVendorOf } from './pacing';
import { keyHint, maskKey, openSecret, sealSecret } from '../secrets';
import { t } from './messages';
import { hasOriginPermission } from './permissions';
import { atsToolName } from './ats';

/**
 * Connections: verify a key against the vendor, then store it encrypted together with what the UI may show.
 * A connection is saved whole or not at all.
 */

export { PROVIDER_NAMES } from './intents';

export function slotOf(provider: ConnectInput['provider']): ConnectionSlot {
  return provider === 'factorial-hr' ? 'hr' : 'ats';
}

function baseUrlFor(input: ConnectInput): string {
  if (input.provider === 'kombo') return resolveKomboBaseUrl(input.environment, input.baseUrl);
  if (input.provider === 'factorial-hr' || input.provider === 'factorial-ats') return resolveFactorialBaseUrl(input.environment, input.baseUrl);
  if (input.environment === 'custom' && input.baseUrl) return input.baseUrl.replace(/\/+$/, '');
  return directAtsCard(input.provider)!.baseUrl(input.environment, input.accountId);
}

/** The ATS (as site adapters name it) a connection reaches: Kombo's from its integration id, a direct one's own. */
function toolOf(input: ConnectInput): string | undefined {
  if (input.provider === 'kombo') return komboToolFromIntegrationId(input.integrationId);
  if (input.provider === 'factorial-ats') return 'factorial';
  return directAtsCard(input.provider)?.tool;
}

function portFor(
  provider: ConnectionRecord['provider'],
  creds: { apiKey: string; baseUrl: string; integrationId?: string; accountId?: string },
  callerHooks?: HttpHooks,
): FactorialHrPort | AtsPort {
  // Every write to a vendor takes its place in that vendor's window, whoever sends it.
  const hooks = pacedHooks(pacedVendorOf(provider), callerHooks);
  const direct = directAts(provider);
  if (direct) return direct.create({ secret: creds.apiKey, accountId: creds.accountId, baseUrl: creds.baseUrl }, hooks);
  switch (provider) {
    case 'factorial-hr':
      return createFactorialHr({ apiKey: creds.apiKey, baseUrl: creds.baseUrl }, hooks);
    case 'factorial-ats':
      return createFactorialAts({ apiKey: creds.apiKey, baseUrl: creds.baseUrl }, hooks);
    case 'kombo':
      return createKomboAts({ apiKey: creds.apiKey, baseUrl: creds.baseUrl, integrationId: creds.integrationId ?? '' }, hooks);
    default:
      throw new Error(`No connector for ${provider}`);
  }
}

export function toView(record: ConnectionRecord): ConnectionView {
  return {
    slot: record.slot,
    provider: record.provider,
    environment: record.environment,
    baseUrl: record.baseUrl,
    integrationId: record.integrationId,
    accountId: record.accountId,
    tool: record.tool,
    toolName: record.slot === 'ats' ? atsToolName(record) : undefined,
    accountLabel: record.accountLabel,
    maskedKey: maskKey(record.keyHint),
    connectedAt: record.connectedAt,
    lastCheckAt: record.lastCheckAt,
    lastCheckOk: record.lastCheckOk,
    lastCheckMessage: record.lastCheckMessage,
    origin: record.origin,
  };
}

/** A key the vendor refused is about the form's key field; other connector failures about the form as a whole. */
function connectorFailure(error: unknown): never {
  if (error instanceof ConnectorError && (error.code === 'auth' || error.code === 'forbidden')) throw new PublicError(error.message, error.code, 'apiKey');
  throw error;
}

/** A verified connection, not yet stored: what `saveConnections` writes. */
export interface PreparedConnection {
  record: ConnectionRecord;
  sealed: Awaited<ReturnType<typeof sealSecret>>;
}

/** Check the key against the vendor and encrypt it; nothing is stored yet. Throws a PublicError when refused. */
export async function prepareConnection(input: ConnectInput, origin?: ConnectionRecord['origin']): Promise<PreparedConnection> {
  const slot = slotOf(input.provider);
  const baseUrl = baseUrlFor(input);
  if (!(await hasOriginPermission(baseUrl))) {
    throw new PublicError(t('notAllowedYet', { host: new URL(baseUrl).host }), 'permission', 'baseUrl');
  }
  const integrationId = input.provider === 'kombo' ? input.integrationId : undefined;
  const accountId = 'accountId' in input && input.accountId ? input.accountId : undefined;
  const port = portFor(input.provider, { apiKey: input.apiKey, baseUrl, integrationId, accountId });
  let account: Awaited<ReturnType<typeof port.verify>>;
  try {
    account = await port.verify();
  } catch (error) {
    connectorFailure(error);
  }

  const now = new Date().toISOString();
  const sealed = await sealSecret(input.apiKey);
  const record: ConnectionRecord = {
    slot,
    provider: input.provider,
    environment: input.environment,
    baseUrl,
    integrationId,
    ...(accountId ? { accountId } : {}),
    tool: toolOf(input),
    accountLabel: account.label,
    companyId: account.companyId,
    keyHint: keyHint(input.apiKey),
    secretId: sealed.id,
    connectedAt: now,
    lastCheckAt: now,
    lastCheckOk: true,
    ...(origin ? { origin } : {}),
  };
  return { record, sealed };
}

/** Store verified connections together (all or none), replacing what their slots held. */
export async function saveConnections(prepared: readonly PreparedConnection[]): Promise<void> {
  const database = db();
  await database.transaction('rw', database.connections, database.secrets, async () => {
    for (const { record, sealed } of prepared) {
      const previous = await database.connections.get(record.slot);
      if (previous) await database.secrets.delete(previous.secretId);
      await database.secrets.put(sealed);
      await database.connections.put(record);
    }
  });
  for (const { record } of prepared) {
    await recordActivity({ kind: 'connection', level: 'success', message: t('loggedConnected', { provider: PROVIDER_NAMES[record.provider] }) });
  }
}

export async function connect(input: ConnectInput): Promise<ConnectionView> {
  const prepared = await prepareConnection(input);
  await saveConnections([prepared]);
  return toView(prepared.record);
}

export async function listConnections(): Promise<ConnectionView[]> {
  return (await db().connections.toArray()).map(toView);
}

/** Re-verify a stored key (the card's "last check"). */
export async function checkConnection(slot: ConnectionSlot): Promise<ConnectionView> {
  const record = await db().connections.get(slot);
  if (!record) throw new PublicError(t('notConnectedSlot'), 'not-connected');
  let lastCheckOk = true;
  let lastCheckMessage: string | undefined;
  try {
    await withPort(record, (port) => port.verify());
  } catch (error) {
    lastCheckOk = false;
    lastCheckMessage = error instanceof Error ? error.message : t('checkFailed');
    // Nobody here has the key to type in again: the admin who deployed it does.
    const refused = error instanceof ConnectorError && (error.code === 'auth' || error.code === 'forbidden');
    if (refused && record.origin === 'policy') lastCheckMessage = t('deployedKeyRefused', { reason: lastCheckMessage });
  }
  const updated = { ...record, lastCheckAt: new Date().toISOString(), lastCheckOk, lastCheckMessage };
  await db().connections.put(updated);
  return toView(updated);
}

export async function removeConnection(slot: ConnectionSlot): Promise<void> {
  const database = db();
  const removed = await database.transaction('rw', database.connections, database.secrets, async () => {
    const record = await database.connections.get(slot);
    if (!record) return null;
    await database.secrets.delete(record.secretId);
    await database.connections.delete(slot);
    return record;
  });
  if (removed) {
    await recordActivity({ kind: 'connection', level: 'info', message: t('loggedDisconnected', { provider: PROVIDER_NAMES[removed.provider] }) });
  }
}

/** Run work against a stored connection; the decrypted key lives only inside this call. */
async function withPort<T>(record: ConnectionRecord, work: (port: FactorialHrPort | AtsPort) => Promise<T>, hooks?: HttpHooks) {
  const apiKey = await openSecret(record.secretId);
  return work(portFor(record.provider, { apiKey, baseUrl: record.baseUrl, integrationId: record.integrationId, accountId: record.accountId }, hooks));
}

export class NotConnectedError extends PublicError {
  constructor(what: string) {
    super(t('notConnected', { what }), 'not-connected');
  }
}

/** The Factorial HR port for the stored connection. */
export async function withHr<T>(work: (hr: FactorialHrPort) => Promise<T>, hooks?: HttpHooks): Promise<T> {
  const record = await db().connections.get('hr');
  if (!record) throw new NotConnectedError('Factorial HR');
  return withPort(record, (port) => work(port as FactorialHrPort), hooks);
}

/** The system-of-record ATS port for the stored connection. */
export async function withAts<T>(work: (ats: AtsPort, connection: ConnectionRecord) => Promise<T>, hooks?: HttpHooks): Promise<T> {
  const record = await db().connections.get('ats');
  if (!record) throw new NotConnectedError(t('theAts'));
  return withPort(record, (port) => work(port as AtsPort, record), hooks);
}


