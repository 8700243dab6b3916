import { defineMessages, saysFrom } from '../i18n';

/**
 * What the hired list's schemas say about a bad request.
 */
export const t = defineMessages({
  en: {
    nobodyToExport: 'Nobody to export.',
  },
  es: {
    nobodyToExport: 'No hay nadie que exportar.',
  },
});

/** A zod error param in the UI's language at validation time. */
export const says = saysFrom(t);
