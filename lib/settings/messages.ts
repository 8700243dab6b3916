import { defineMessages } from '../i18n';

/** Settings validation (also shown by the options page's fields) and the managed-policy refusal. */
export const t = defineMessages({
  en: {
    sourceMissing: 'Enter a source name.',
    sourceLong: 'Keep the source name under 80 characters.',
    retentionMin: 'Keep data at least 1 day.',
    retentionMax: 'Keep data at most 365 days.',
    waitMin: 'Wait at least {seconds} seconds.',
    waitMax: 'Wait at most {seconds} seconds (a browser extension cannot wait longer for an answer).',
    managed: 'Your organisation manages this setting, so it cannot be changed here.',
  },
  es: {
    sourceMissing: 'Introduce un nombre de origen.',
    sourceLong: 'El nombre de origen debe tener menos de 80 caracteres.',
    retentionMin: 'Conserva los datos al menos 1 día.',
    retentionMax: 'Conserva los datos como máximo 365 días.',
    waitMin: 'Espera al menos {seconds} segundos.',
    waitMax: 'Espera como máximo {seconds} segundos (una extensión del navegador no puede esperar más una respuesta).',
    managed: 'Tu organización gestiona este ajuste, así que no se puede cambiar aquí.',
  },
});
