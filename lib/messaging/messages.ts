import { defineMessages } from '../i18n';

/** The service worker's generic answers (lib/messaging/server.ts, entrypoints/background.ts). */
export const t = defineMessages({
  en: {
    forbidden: 'This request is not allowed from here.',
    invalid: 'The request was not valid.',
    internal: 'Something went wrong inside Hirebridge. Try again; if it keeps happening, reload the extension.',
    formOnlyOnPage: 'The form can only open on a page.',
    openPageFirst: 'Open the person’s page in a tab first, then use Sync this page to ATS.',
  },
  es: {
    forbidden: 'Esta solicitud no está permitida desde aquí.',
    invalid: 'La solicitud no era válida.',
    internal: 'Algo ha fallado dentro de Hirebridge. Vuelve a intentarlo y, si sigue pasando, recarga la extensión.',
    formOnlyOnPage: 'El formulario solo se puede abrir en una página.',
    openPageFirst: 'Abre primero la página de la persona en una pestaña y después usa Sincronizar esta página con el ATS.',
  },
});
