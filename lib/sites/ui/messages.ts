import { defineMessages } from '../../i18n';

/** Text of the buttons placed on ATS pages (kept tiny: this ships with every ATS page). */
export const t = defineMessages({
  en: {
    export: 'Export to FactorialHR',
    exported: 'Exported to FactorialHR',
    exporting: 'Exporting to FactorialHR…',
    noAnswer: 'Hirebridge’s background service is not answering. Trying again…',
    // Late, not lost: the worker may be starting, or waiting out a vendor's rate window (Workable's 10 per 10 s).
    stillWaiting: 'Still waiting for an answer (Hirebridge may be waiting on your ATS’s API). Trying again…',
    inFactorial: 'Already in Factorial HR',
    sync: 'Sync to ATS',
    viewInFactorial: 'View in Factorial',
    formNotOpened: 'The form could not be opened. Reload the page and try again.',
    teach: 'Teach this page',
    dialogFrame: 'Hirebridge',
  },
  es: {
    export: 'Exportar a FactorialHR',
    exported: 'Exportado a FactorialHR',
    exporting: 'Exportando a FactorialHR…',
    noAnswer: 'El servicio en segundo plano de Hirebridge no responde. Volviendo a intentarlo…',
    stillWaiting: 'Sigue esperando una respuesta (puede que Hirebridge esté esperando a la API de tu ATS). Volviendo a intentarlo…',
    inFactorial: 'Ya está en Factorial HR',
    sync: 'Sincronizar con el ATS',
    viewInFactorial: 'Ver en Factorial',
    formNotOpened: 'No se ha podido abrir el formulario. Recarga la página y vuelve a intentarlo.',
    teach: 'Enseñar esta página',
    dialogFrame: 'Hirebridge',
  },
});
