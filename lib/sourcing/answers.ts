import type { SyncJobOption } from './intents';

/**
 * The one check of a screening answer against its question, used by the Sync dialog (to say what to fix) and by
 * the service worker (which refuses what the dialog would not have sent). The intent's schema checks only the
 * shape of an answer; whether it fits its question is decided here.
 */

type Question = Pick<SyncJobOption['questions'][number], 'required' | 'format' | 'options'>;
export type AnswerProblem = 'required' | 'number' | 'date' | 'invalid';

export const isEmptyAnswer = (value: unknown) => value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

const isDay = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));

/** What is wrong with this answer, or undefined when it may be sent (an empty answer to an optional question too). */
export function answerProblem(question: Question, value: unknown): AnswerProblem | undefined {
  if (isEmptyAnswer(value)) return question.required ? 'required' : undefined;
  const optionIds = new Set((question.options ?? []).map((o) => o.id));
  switch (question.format) {
    case 'BOOLEAN':
      return typeof value === 'boolean' ? undefined : 'invalid';
    case 'NUMBER':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'number';
    case 'SINGLE_SELECT':
      return typeof value === 'string' && optionIds.has(value) ? undefined : 'invalid';
    case 'MULTI_SELECT':
      return Array.isArray(value) && value.every((v) => optionIds.has(v)) ? undefined : 'invalid';
    case 'DATE':
      return isDay(value) ? undefined : 'date';
    case 'FILE':
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? undefined : 'invalid';
    default:
      return typeof value === 'string' ? undefined : 'invalid';
  }
}
