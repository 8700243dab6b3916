import { defineMessages, saysFrom } from '../i18n';

/**
 * What Export's schemas say about a bad value (the form shows it under the field; the worker answers it).
 */
export const t = defineMessages({
  en: {
    notCandidateId: 'not a candidate id',
    startDateMissing: 'Choose the start date.',
    dateFormat: 'Use a date like 2026-12-01.',
    dateDoesNotExist: 'This date does not exist.',
    jobTitleLong: 'Keep the job title under 200 characters.',
    legalEntityMissing: 'Choose the legal entity.',
  },
  es: {
    notCandidateId: 'no es un id de candidato',
    startDateMissing: 'Elige la fecha de incorporación.',
    dateFormat: 'Usa una fecha con el formato 2026-12-01.',
    dateDoesNotExist: 'Esta fecha no existe.',
    jobTitleLong: 'El puesto debe tener menos de 200 caracteres.',
    legalEntityMissing: 'Elige la entidad legal.',
  },
});

/** A zod error param in the UI's language at validation time. */
export const says = saysFrom(t);
