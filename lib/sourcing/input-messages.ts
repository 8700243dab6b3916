import { defineMessages, saysFrom } from '../i18n';

/**
 * What Sync to ATS's schemas say about a bad value (the form shows it under the field; the worker answers it).
 */
export const t = defineMessages({
  en: {
    resumeTooLarge: 'The resume is larger than 10 MB.',
    resumeUnreadable: 'The resume could not be read.',
    jobMissing: 'Choose the job.',
    summaryLong: 'Keep the summary under 5,000 characters.',
    transcriptLong: 'The transcript is too long (over 400,000 characters).',
  },
  es: {
    resumeTooLarge: 'El CV ocupa más de 10 MB.',
    resumeUnreadable: 'No se ha podido leer el CV.',
    jobMissing: 'Elige la oferta.',
    summaryLong: 'El resumen debe tener menos de 5000 caracteres.',
    transcriptLong: 'La transcripción es demasiado larga (más de 400 000 caracteres).',
  },
});

/** A zod error param in the UI's language at validation time. */
export const says = saysFrom(t);
