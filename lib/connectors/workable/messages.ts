import { defineMessages } from '../../i18n';

/** What Workable's answers mean for the person reading them (shown as they are in the connect form and the dialogs). */
export const t = defineMessages({
  en: {
    missingScope:
      'The Workable access token has no {scope} scope, which Hirebridge needs to {what}. An Admin can generate a token with r_jobs, r_candidates and w_candidates in Workable (Settings > Integrations > Apps > API Access Tokens) and connect it here.{said}',
    missingScopeOrRevoked:
      'Workable refused the access token that it accepted a moment ago: either it has no {scope} scope, which Hirebridge needs to {what}, or it was revoked. An Admin can generate a token with r_jobs, r_candidates and w_candidates in Workable (Settings > Integrations > Apps > API Access Tokens) and connect it here.{said}',
    scopeReadJobs: 'read your jobs',
    scopeReadCandidates: 'read candidates',
    scopeWriteCandidates: 'add candidates to jobs',
    alreadyOnJob: 'Workable already has a candidate with this email on this job.{said}',
    refused: 'Workable did not accept the candidate: {said}',
    remoteIdNotSearchable:
      'Workable’s API cannot look a candidate up by the id its web app shows ({id}); Hirebridge searched the first {count} candidates of the account without finding them. Open the candidate from the job’s pipeline and try again.',
    repeatedPage: 'Workable gave the same next page twice while listing {what}; the listing stopped there.',
    noMember: 'Workable lists no member who could add the existing candidate to this job (copying a candidate needs a member of the account).',
    cvNotOnCopy:
      'This person was already a candidate in Workable: Workable copied them to this job with the resume it already had, so the PDF profile was not attached (download it from the dialog to add it by hand).',
    answersNotOnCopy: 'Workable takes screening answers only when it creates a candidate: the answers were not added to the existing candidate’s copy on this job.',
    fileAnswers: 'The file answers',
    noFileAnswers: 'nothing public says how Workable’s API takes a file as an answer, so they were not sent.',
    jobs: 'jobs',
    candidates: 'candidates',
  },
  es: {
    missingScope:
      'El token de acceso de Workable no tiene el permiso {scope}, que Hirebridge necesita para {what}. Un administrador puede generar un token con r_jobs, r_candidates y w_candidates en Workable (Settings > Integrations > Apps > API Access Tokens) y conectarlo aquí.{said}',
    missingScopeOrRevoked:
      'Workable ha rechazado el token de acceso que aceptaba hace un momento: o no tiene el permiso {scope}, que Hirebridge necesita para {what}, o se ha revocado. Un administrador puede generar un token con r_jobs, r_candidates y w_candidates en Workable (Settings > Integrations > Apps > API Access Tokens) y conectarlo aquí.{said}',
    scopeReadJobs: 'leer tus ofertas',
    scopeReadCandidates: 'leer candidatos',
    scopeWriteCandidates: 'añadir candidatos a las ofertas',
    alreadyOnJob: 'Workable ya tiene un candidato con este email en esta oferta.{said}',
    refused: 'Workable no ha aceptado el candidato: {said}',
    remoteIdNotSearchable:
      'La API de Workable no permite buscar un candidato por el identificador que muestra su aplicación web ({id}); Hirebridge ha revisado los primeros {count} candidatos de la cuenta sin encontrarlo. Abre el candidato desde el proceso de la oferta y vuelve a intentarlo.',
    repeatedPage: 'Workable ha devuelto dos veces la misma página siguiente al listar {what}; el listado se ha detenido ahí.',
    noMember: 'Workable no tiene ningún miembro con el que añadir el candidato existente a esta oferta (copiar un candidato requiere un miembro de la cuenta).',
    cvNotOnCopy:
      'Esta persona ya era candidata en Workable: Workable la ha copiado a esta oferta con el currículum que ya tenía, así que el perfil en PDF no se ha adjuntado (descárgalo desde el diálogo para añadirlo a mano).',
    answersNotOnCopy: 'Workable solo acepta respuestas de preselección al crear un candidato: no se han añadido a la copia del candidato existente en esta oferta.',
    fileAnswers: 'Las respuestas con archivo',
    noFileAnswers: 'no hay documentación pública de cómo acepta la API de Workable un archivo como respuesta, así que no se han enviado.',
    jobs: 'ofertas',
    candidates: 'candidatos',
  },
});
