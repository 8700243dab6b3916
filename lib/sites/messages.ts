import { defineMessages } from '../i18n';

/** Why a resume linked on a page could not be fetched (shown inside the Sync dialog's sentence). */
export const t = defineMessages({
  en: {
    siteAnswered: 'the site answered {status}',
    tooLarge: 'it is larger than 10 MB',
  },
  es: {
    siteAnswered: 'el sitio ha respondido {status}',
    tooLarge: 'ocupa más de 10 MB',
  },
});
