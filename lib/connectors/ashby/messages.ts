import { defineMessages } from '../../i18n';

/** What Ashby's answers mean for the person who reads them (sources: tests/vendor/ashby/docs-excerpt.md). */
export const t = defineMessages({
  en: {
    missingPermission:
      'The Ashby API key lacks the “{permission}” permission ({scope}), which Hirebridge needs to {purpose}. An Ashby admin can add it under Admin → Integrations → API Keys; then try again.',
    missingPermissions:
      'The Ashby API key lacks these permissions: {permissions}. An Ashby admin can add them under Admin → Integrations → API Keys; then connect again.',
    keyRefused: 'Ashby refused the API key: it is wrong or has been deactivated. Copy it again from Admin → Integrations → API Keys.',
    keyMissing: 'Ashby received no API key. Enter the key from Admin → Integrations → API Keys.',
    refused: 'Ashby did not accept the request ({code}).{said}',
    failedWithoutCode: 'Ashby answered that the request failed, without saying why.',
    noSource: 'Ashby has no source named “{source}”, so the application has none. An Ashby admin can add the source (Hiring Process settings) for the next ones.',
    warning: 'Ashby warned: {warning}',
    cvNotAttached: 'The PDF profile was not attached in Ashby: {reason}',
    noteNotAdded: 'The note with the link back was not added in Ashby: {reason}',
    sourceUnknown: 'The source could not be looked up in Ashby: {reason}',
    purposeJobs: 'list its jobs',
    purposeCandidatesRead: 'read its candidates and applications',
    purposeCandidatesWrite: 'create candidates and applications',
    purposeOffers: 'read the accepted offer’s start date',
    purposeSources: 'set the source of a new application',
    purposeApiKeys: 'read which permissions the key has',
  },
  es: {
    missingPermission:
      'A la clave de API de Ashby le falta el permiso «{permission}» ({scope}), que Hirebridge necesita para {purpose}. Un administrador de Ashby puede añadirlo en Admin → Integrations → API Keys; después, vuelve a intentarlo.',
    missingPermissions:
      'A la clave de API de Ashby le faltan estos permisos: {permissions}. Un administrador de Ashby puede añadirlos en Admin → Integrations → API Keys; después, vuelve a conectar.',
    keyRefused: 'Ashby ha rechazado la clave de API: es incorrecta o se ha desactivado. Cópiala de nuevo desde Admin → Integrations → API Keys.',
    keyMissing: 'Ashby no ha recibido ninguna clave de API. Introduce la clave de Admin → Integrations → API Keys.',
    refused: 'Ashby no ha aceptado la solicitud ({code}).{said}',
    failedWithoutCode: 'Ashby ha respondido que la solicitud ha fallado, sin decir por qué.',
    noSource: 'Ashby no tiene ninguna fuente llamada «{source}», así que la candidatura no tiene fuente. Un administrador de Ashby puede añadirla (ajustes de Hiring Process) para las próximas.',
    warning: 'Aviso de Ashby: {warning}',
    cvNotAttached: 'El perfil en PDF no se ha adjuntado en Ashby: {reason}',
    noteNotAdded: 'La nota con el enlace al perfil no se ha añadido en Ashby: {reason}',
    sourceUnknown: 'No se ha podido consultar la fuente en Ashby: {reason}',
    purposeJobs: 'listar sus ofertas',
    purposeCandidatesRead: 'leer sus candidatos y candidaturas',
    purposeCandidatesWrite: 'crear candidatos y candidaturas',
    purposeOffers: 'leer la fecha de incorporación de la oferta aceptada',
    purposeSources: 'poner la fuente de una candidatura nueva',
    purposeApiKeys: 'leer qué permisos tiene la clave',
  },
});
