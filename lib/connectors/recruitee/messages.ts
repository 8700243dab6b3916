import { defineMessages } from '../../i18n';

/** Recruitee's refusals in plain words: what happened and who must do what (see errors.ts). */
export const t = defineMessages({
  en: {
    tokenRejected:
      'Recruitee did not accept the personal API token. Copy it again from Settings → Apps and plugins → Personal API tokens; a token stops working when its user revokes it or leaves the company.',
    userLacksRight:
      'The personal API token works, but its Recruitee user is not allowed to {action}. The token has exactly its user’s hiring role: create the token as a user whose role may {action} (for example an admin), or ask an admin to extend this user’s role.{said}',
    noSuchCompany:
      'Recruitee has no company “{company}” for this token. Check the company ID on Settings → Apps and plugins → Personal API tokens (the number after company= in Recruitee’s URLs).',
    refused: 'Recruitee refused this: {said}',
    noPlacement: 'Recruitee created the candidate but did not put them on job {job}. Nothing else was sent; the candidate is in Recruitee without that job.',
    unknownApplication: 'Hirebridge has not read the Recruitee candidate of application {id} yet, so it cannot tell its start date.',
    actionListJobs: 'see the jobs',
    actionReadCandidates: 'see candidates',
    actionAddCandidates: 'add candidates to this job',
    actionEditCandidates: 'edit candidates',
    cvRefused: 'Recruitee did not keep the PDF profile as the candidate’s CV: {reason} The candidate and the application were created without it.',
    linkNotAdded: 'The link back to the profile could not be added to the Recruitee candidate: {reason}',
    answersNotSent: 'Recruitee’s ATS API takes no screening answers (only its careers-site form does): they were not sent.',
  },
  es: {
    tokenRejected:
      'Recruitee no ha aceptado el token de API personal. Cópialo de nuevo desde Settings → Apps and plugins → Personal API tokens; un token deja de funcionar cuando su usuario lo revoca o deja la empresa.',
    userLacksRight:
      'El token de API personal funciona, pero su usuario de Recruitee no tiene permiso para {action}. El token tiene exactamente el rol de contratación de su usuario: crea el token con un usuario cuyo rol pueda {action} (por ejemplo, un admin) o pide a un admin que amplíe el rol de este usuario.{said}',
    noSuchCompany:
      'Recruitee no tiene ninguna empresa «{company}» para este token. Comprueba el Company ID en Settings → Apps and plugins → Personal API tokens (el número tras company= en las URL de Recruitee).',
    refused: 'Recruitee lo ha rechazado: {said}',
    noPlacement:
      'Recruitee ha creado el candidato pero no lo ha añadido a la oferta {job}. No se ha enviado nada más; el candidato está en Recruitee sin esa oferta.',
    unknownApplication: 'Hirebridge aún no ha leído el candidato de Recruitee de la candidatura {id}, así que no puede saber su fecha de inicio.',
    actionListJobs: 'ver las ofertas',
    actionReadCandidates: 'ver candidatos',
    actionAddCandidates: 'añadir candidatos a esta oferta',
    actionEditCandidates: 'editar candidatos',
    cvRefused: 'Recruitee no ha guardado el perfil en PDF como CV del candidato: {reason} El candidato y la candidatura se han creado sin él.',
    linkNotAdded: 'No se ha podido añadir al candidato de Recruitee el enlace al perfil: {reason}',
    answersNotSent: 'La API ATS de Recruitee no admite respuestas de preguntas de selección (solo su formulario del portal de empleo): no se han enviado.',
  },
});
