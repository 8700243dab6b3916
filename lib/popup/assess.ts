import { ExportFields } from '../messaging/intents/export';
import { fieldWord, type HiredGroup } from './groups';
import { t } from './messages';

/**
 * Can Export all send this person as is? The same ExportFields rules as the form; nothing is guessed, so a
 * missing value makes a plain reason ("Missing start date and legal entity.") instead of a default.
 * The only value filled in is the legal entity: the one chosen for everyone, or Factorial's only one.
 */

export type Assessed = { group: HiredGroup; fields: ExportFields } | { group: HiredGroup; reason: string };

export function assessForExport(group: HiredGroup, lookups: { legalEntities: readonly { id: string }[] }, legalEntityId: string | undefined): Assessed {
  const entities = lookups.legalEntities;
  const chosen = legalEntityId && entities.some((e) => e.id === legalEntityId) ? legalEntityId : entities.length === 1 ? entities[0].id : '';
  const values: Record<keyof ExportFields, string> = { firstName: '', lastName: '', email: '', phone: '', startDate: '', jobTitle: '', legalEntityId: chosen, teamId: '', locationId: '' };
  for (const [name, value] of Object.entries(group.fields)) if (typeof value === 'string') values[name as keyof ExportFields] = value;
  const parsed = ExportFields.safeParse(values);
  if (parsed.success) return { group, fields: parsed.data };
  const missing: string[] = [];
  const invalid: string[] = [];
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as keyof ExportFields;
    const word = fieldWord(field) ?? String(field);
    if (!values[field]?.trim()) {
      if (!missing.includes(word)) missing.push(word);
    } else if (!invalid.some((m) => m.toLowerCase().startsWith(word))) {
      invalid.push(`${word.charAt(0).toUpperCase()}${word.slice(1)}: ${issue.message}`);
    }
  }
  const list = (words: string[]) => (words.length > 1 ? `${words.slice(0, -1).join(', ')}${t('and')}${words[words.length - 1]}` : words[0]);
  // Say why the start date is missing when the ATS said (e.g. the accepted offer has none).
  const note = !values.startDate.trim() && group.startDateNote ? group.startDateNote : '';
  return { group, reason: [missing.length ? t('missing', { fields: list(missing) }) : '', note, ...invalid].filter(Boolean).join(' ') };
}
