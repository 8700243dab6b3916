import { atsToolName } from '../connections/ats';
import type { StartDateGap } from '../connectors/types';
import type { ConnectionRecord } from '../connections/records';
import { t } from './messages';

/** The connected ATS as people name it in what Hirebridge says about its data ("Greenhouse", "Factorial ATS"). */
export function atsName(connection: Pick<ConnectionRecord, 'provider' | 'tool'>): string {
  return atsToolName(connection) ?? t('yourAts');
}

/** Why a hire's start date is empty, in the same words in the form, the popup's form and Export all. */
export function startDateNote(gap: StartDateGap, tool: string): string {
  return gap === 'no-start-date' ? t('offerWithoutStartDate', { tool }) : t('noAcceptedOffer', { tool });
}
