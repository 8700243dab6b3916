import { defineMessages } from '@/lib/i18n';

/** What the framed dialogs (Export, Sync inside a web page) say when they refuse a click, or cannot open. */
export const t = defineMessages({
  en: {
    refused: 'Not sent: {why} when you clicked. Make sure nothing covers this form, then click again.',
    transparent: 'the page had made this form transparent',
    transformed: 'the page had moved or distorted this form',
    hidden: 'the page had hidden this form',
    covered: 'something on the page was covering this form',
    offscreen: 'part of this form was outside the window',
    resized: 'the page had resized this form',
    gone: 'the page this form belongs to did not answer',
    notOpened: 'The form could not be opened. Close it, reload the page and try again.',
    frameTitle: 'Hirebridge',
    close: 'Close',
  },
  es: {
    refused: 'No se ha enviado: {why} cuando has hecho clic. Comprueba que nada tapa este formulario y vuelve a hacer clic.',
    transparent: 'la página había vuelto transparente este formulario',
    transformed: 'la página había movido o deformado este formulario',
    hidden: 'la página había ocultado este formulario',
    covered: 'algo de la página tapaba este formulario',
    offscreen: 'parte de este formulario quedaba fuera de la ventana',
    resized: 'la página había cambiado el tamaño de este formulario',
    gone: 'la página de este formulario no ha respondido',
    notOpened: 'No se ha podido abrir el formulario. Ciérralo, recarga la página y vuelve a intentarlo.',
    frameTitle: 'Hirebridge',
    close: 'Cerrar',
  },
});
