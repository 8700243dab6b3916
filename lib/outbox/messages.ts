import { defineMessages } from '../i18n';

/** What an operation that needs attention says when the error was not one of ours. */
export const t = defineMessages({
  en: {
    internal: 'Something went wrong inside Hirebridge.',
    gaveUp: '{message} (gave up after {attempts} attempts)',
  },
  es: {
    internal: 'Algo ha fallado dentro de Hirebridge.',
    gaveUp: '{message} (se ha dejado de intentar tras {attempts} intentos)',
  },
});
