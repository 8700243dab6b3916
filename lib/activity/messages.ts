import { defineMessages } from '../i18n';

/** Background work that failed with nobody waiting for it: the activity log's words for it. */
export const t = defineMessages({
  en: {
    unexpected: 'an unexpected error',
    unexpectedIn: 'Hirebridge met an unexpected error ({where}); its technical detail is kept with this entry.',
    policy: 'Your organisation’s policy could not be applied: {reason}',
    teamJobs: 'The team’s active jobs could not be applied: {reason}',
    pageCapture: 'Hired candidates seen on a page could not be kept for the popup: {reason}',
    autoSync: 'Automatic sync could not look at this page’s candidates: {reason}',
    exportRun: 'Export all’s progress could not be updated: {reason}',
    hiredRefresh: 'Hired candidates could not be refreshed after the job pull: {reason}',
    startup: 'Hirebridge could not read its site settings at start: {reason}',
    hostScripts: 'Hirebridge could not update the sites its buttons run on: {reason}',
    exportMark: 'An export finished, but its candidate could not be marked as exported yet (pages will check again): {reason}',
  },
  es: {
    unexpected: 'un error inesperado',
    unexpectedIn: 'Hirebridge encontró un error inesperado ({where}); su detalle técnico se guarda con esta entrada.',
    policy: 'No se pudo aplicar la política de tu organización: {reason}',
    teamJobs: 'No se pudieron aplicar los empleos activos del equipo: {reason}',
    pageCapture: 'No se pudieron guardar para el popup los candidatos contratados vistos en una página: {reason}',
    autoSync: 'La sincronización automática no pudo revisar los candidatos de esta página: {reason}',
    exportRun: 'No se pudo actualizar el progreso de Exportar todos: {reason}',
    hiredRefresh: 'No se pudieron actualizar los candidatos contratados tras la descarga de empleos: {reason}',
    startup: 'Hirebridge no pudo leer la configuración de sitios al iniciar: {reason}',
    hostScripts: 'Hirebridge no pudo actualizar los sitios en los que funcionan sus botones: {reason}',
    exportMark: 'Una exportación terminó, pero aún no se pudo marcar su candidato como exportado (las páginas lo volverán a comprobar): {reason}',
  },
});
