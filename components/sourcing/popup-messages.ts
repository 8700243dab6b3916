import { defineMessages } from '@/lib/i18n';

/** The popup's Sourcing and Synced candidates sections. */
export const t = defineMessages({
  en: {
    sourcingTitle: 'Sourcing',
    sourcingNote: 'Found someone on another site? Send them to your ATS with their profile, assessment and resume.',
    syncThisPage: 'Sync this page to ATS',
    unreachable: 'Hirebridge could not reach its background service. Close the popup and open it again.',
    syncedTitle: 'Synced candidates',
    stageInAts: 'Stage in the ATS: {stage}',
    stageUnknown: 'Stage not reported by the ATS',
  },
  es: {
    sourcingTitle: 'Captación',
    sourcingNote: '¿Has encontrado a alguien en otro sitio? Envíalo a tu ATS con su perfil, su valoración y su CV.',
    syncThisPage: 'Sincronizar esta página con el ATS',
    unreachable: 'Hirebridge no ha podido comunicarse con su servicio en segundo plano. Cierra esta ventana y vuelve a abrirla.',
    syncedTitle: 'Candidatos sincronizados',
    stageInAts: 'Fase en el ATS: {stage}',
    stageUnknown: 'El ATS no indica la fase',
  },
});
