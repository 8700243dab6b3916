import { defineMessages } from '../i18n';

/** The service worker's generic answers (lib/messaging/server.ts; features' handlers reuse `forbidden`). */
export const t = defineMessages({
  en: {
    forbidden: 'This request is not allowed from here.',
    invalid: 'The request was not valid.',
    internal: 'Something went wrong inside Hirebridge. Try again; if it keeps happening, reload the extension.',
  },
  es: {
    forbidden: 'Esta solicitud no está permitida desde aquí.',
    invalid: 'La solicitud no era válida.',
    internal: 'Algo ha fallado dentro de Hirebridge. Vuelve a intentarlo y, si sigue pasando, recarga la extensión.',
  },
});
