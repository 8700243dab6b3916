import { directAtsCard, komboToolFamily, komboToolName } from '../connectors';
import type { ConnectionRecord } from './records';
import type { AtsSite } from '../sites/types';

type AtsConnection = Pick<ConnectionRecord, 'provider' | 'tool'>;

/**
 * The connected ATS as people name it: "Factorial ATS", or the ATS behind Kombo ("Greenhouse", also for its v3
 * API tool). Undefined while Kombo has not said which ATS it is (each place then says "your ATS" its own way).
 */
export function atsToolName(connection: AtsConnection): string | undefined {
  const direct = directAtsCard(connection.provider);
  if (direct) return direct.name;
  if (connection.provider !== 'kombo') return 'Factorial ATS';
  return connection.tool ? komboToolName(komboToolFamily(connection.tool)) : undefined;
}

/**
 * Whether this site is the connected ATS itself (its candidates are in the ATS already): Export reads them through
 * the ATS API there, and Sync to ATS is offered everywhere else.
 */
export function isConnectedAtsSite(adapter: Pick<AtsSite, 'id' | 'komboTool'>, connection: AtsConnection | undefined): boolean {
  if (!connection) return false;
  if (connection.provider === 'factorial-ats') return adapter.id === 'factorial';
  // Kombo names its ATS in the integration id; a direct connector is its ATS (its card's `tool`).
  const tool = connection.tool ?? directAtsCard(connection.provider)?.tool;
  return !!adapter.komboTool && !!tool && komboToolFamily(tool) === adapter.komboTool;
}

/** Whether the connected ATS takes the PDF profile as a file (Kombo does; Factorial ATS and URL-only vendors do not). */
export function atsAcceptsFiles(provider: ConnectionRecord['provider']): boolean {
  if (provider === 'kombo') return true;
  const direct = directAtsCard(provider);
  return direct ? direct.acceptsFiles !== false : false;
}
