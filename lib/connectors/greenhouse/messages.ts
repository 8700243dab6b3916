import { defineMessages } from '../../i18n';

/** Greenhouse's refusals and Hirebridge's notes about it, in plain words (shown as they are). */
export const t = defineMessages({
  en: {
    credentialRejected:
      'Greenhouse rejected the Client ID or Client Secret. Copy both again from Configure → Dev Center → API Credential Management (the secret is shown only when the credential is created; a new secret can be made there).',
    tokenRefused: 'Greenhouse did not give Hirebridge an access token ({code}).{said}',
    ipRefused:
      'Greenhouse refused this network address: the credential only accepts trusted IP addresses (its IP allow-list). A Greenhouse Site Admin can add this address, or lift the restriction, under Dev Center → API Credential Management.{said}',
    scopeMissing:
      'The Greenhouse credential lacks the permission “{scope}”. A Greenhouse Site Admin can add it under Dev Center → API Credential Management → the credential → its scopes.{said}',
    forbidden: 'Greenhouse refused this: the credential has no access to it.{said}',
    validation: 'Greenhouse did not accept the request.{said}',
    badJobId: 'This job is not a Greenhouse job id: {id}.',
    foreignNextPage: 'Greenhouse sent a next-page link to another address ({host}); Hirebridge did not follow it.',
    noAnswers: 'Greenhouse’s API takes no screening answers for an application: they were not sent.',
    cv: 'The CV (PDF profile)',
  },
  es: {
    credentialRejected:
      'Greenhouse ha rechazado el Client ID o el Client Secret. Vuelve a copiar ambos desde Configure → Dev Center → API Credential Management (el secreto solo se muestra al crear la credencial; allí puedes generar uno nuevo).',
    tokenRefused: 'Greenhouse no ha dado a Hirebridge un token de acceso ({code}).{said}',
    ipRefused:
      'Greenhouse ha rechazado esta dirección de red: la credencial solo admite direcciones IP de confianza (su lista de IP permitidas). Un Site Admin de Greenhouse puede añadir esta dirección, o quitar la restricción, en Dev Center → API Credential Management.{said}',
    scopeMissing:
      'A la credencial de Greenhouse le falta el permiso «{scope}». Un Site Admin de Greenhouse puede añadirlo en Dev Center → API Credential Management → la credencial → sus scopes.{said}',
    forbidden: 'Greenhouse lo ha rechazado: la credencial no tiene acceso a esto.{said}',
    validation: 'Greenhouse no ha aceptado la solicitud.{said}',
    badJobId: 'Esta oferta no es un id de oferta de Greenhouse: {id}.',
    foreignNextPage: 'Greenhouse ha enviado un enlace de página siguiente a otra dirección ({host}); Hirebridge no lo ha seguido.',
    noAnswers: 'La API de Greenhouse no admite respuestas de preselección en una candidatura: no se han enviado.',
    cv: 'El CV (perfil en PDF)',
  },
});
