import { defineMessages } from '../i18n';

/** Job pulls, service-worker side: errors and activity log lines. */
export const t = defineMessages({
  en: {
    loggedPulled: 'Jobs pulled: {added} new, {updated} updated, {archived} archived.',
    loggedFailed: 'Job pull failed: {reason}',
    unknownError: 'unknown error',
    pullFailed: 'The job pull failed.',
    jobGone: 'This job is no longer in the list. Pull jobs again.',
    jobClosed: 'This job is closed or archived in the ATS and cannot be activated.',
  },
  es: {
    loggedPulled: 'Ofertas importadas: {added} nuevas, {updated} actualizadas, {archived} archivadas.',
    loggedFailed: 'La importación de ofertas ha fallado: {reason}',
    unknownError: 'error desconocido',
    pullFailed: 'La importación de ofertas ha fallado.',
    jobGone: 'Esta oferta ya no está en la lista. Vuelve a importar las ofertas.',
    jobClosed: 'Esta oferta está cerrada o archivada en el ATS y no se puede activar.',
  },
});
