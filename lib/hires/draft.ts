import { db } from '../db';
import { completeDraft } from '../export';
import type { ExportDraft } from '../export/intents';
import { groupCandidates, type HiredGroup } from './groups';
import { t } from './messages';
import { PublicError } from '../errors';
import { markInFactorial } from './lookups';

// one export from the popup

export async function groupOf(key: string): Promise<HiredGroup> {
  const group = groupCandidates(await db().candidates.toArray()).find((g) => g.keys.includes(key));
  if (!group) throw new PublicError(t('notInList'));
  return group;
}

/** The same draft the page dialog gets, from what Hirebridge stored about the person. */
export async function preparePopupExport(key: string): Promise<ExportDraft> {
  const group = await groupOf(key);
  const fields = { ...group.fields };
  const { lookups, existing, warning, mapping, atsValues } = await completeDraft(group.key, fields);
  if (existing && !existing.exportedHere && group.state === 'waiting') await markInFactorial(group, { employeeUrl: existing.employeeUrl, name: existing.name });
  const hired = group.state !== 'not-hired';
  return {
    candidateKey: group.key,
    source: group.fromAts ? 'ats-api' : 'page',
    sourceName: group.sources.join(t('and')) || 'Hirebridge',
    hired,
    notHiredReason: hired ? undefined : t('notHiredAnyMore', { name: group.name }),
    fields,
    fieldNotes: group.startDateNote && !fields.startDate ? { startDate: group.startDateNote } : undefined,
    lookups,
    mapping,
    atsValues,
    existing,
    warning,
  };
}
