import { defineMessages } from '../i18n';

/**
 * Why a resume (linked on a page, or chosen as a file) cannot be used; why an in-page tool (the dialogs, the picker)
 * cannot open on a page.
 */
export const t = defineMessages({
  en: {
    siteAnswered: 'the site answered {status}',
    tooLarge: 'it is larger than 10 MB',
    fileTooLarge: '{name} is larger than 10 MB.',
    webPage: 'it is a web page, not a PDF: save it as a PDF from the browser and choose that file',
    formNotOpened: 'The form could not be opened. Close it, reload the page and try again.',
    noResumeLinked: 'the page links no resume',
    formOnlyOnPage: 'The form can only open on a page.',
    openPageFirst: 'Open the person’s page in a tab first, then use Sync this page to ATS.',
  },
  es: {
    siteAnswered: 'el sitio ha respondido {status}',
    tooLarge: 'ocupa más de 10 MB',
    fileTooLarge: '{name} ocupa más de 10 MB.',
    webPage: 'es una página web, no un PDF: guárdala como PDF desde el navegador y elige ese archivo',
    formNotOpened: 'No se ha podido abrir el formulario. Ciérralo, recarga la página y vuelve a intentarlo.',
    noResumeLinked: 'la página no enlaza ningún currículum',
    formOnlyOnPage: 'El formulario solo se puede abrir en una página.',
    openPageFirst: 'Abre primero la página de la persona en una pestaña y después usa Sincronizar esta página con el ATS.',
  },
});
