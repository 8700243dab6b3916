import { defineMessages } from '../../i18n';

/**
 * What each of Kombo's error codes means for the person who reads it: what happened, and who must do what. The
 * codes are the ATS error enum of Kombo's OpenAPI (tests/vendor/kombo/kombo-openapi.json, ErrorResponseATS) and its
 * errors guide (https://docs.kombo.dev/guides/errors).
 */
export const t = defineMessages({
  en: {
    setupQaFailed:
      'Kombo stopped this ATS integration: its setup data did not pass Kombo’s quality checks (INTEGRATION.QA_FAILED). Nothing was sent. A Kombo admin must open the integration in the Kombo dashboard and resolve the check (Kombo’s team is told too); then retry.{said}',
    setupIncomplete:
      'The ATS integration’s setup in Kombo is not finished (INTEGRATION.SETUP_INCOMPLETE). Nothing was sent. A Kombo admin must finish the setup in the Kombo dashboard; then retry.{said}',
    setupSyncPending:
      'Kombo is still running the first sync of this ATS integration (INTEGRATION.SETUP_SYNC_PENDING). Nothing was sent. Retry once the Kombo dashboard shows the integration as active.{said}',
    setupAuthInvalid:
      'Kombo can no longer sign in to the ATS (INTEGRATION.AUTHENTICATION_INVALID): its credentials there expired or were revoked. Nothing was sent. A Kombo admin must reconnect the integration in the Kombo dashboard; then retry.{said}',
    setupInactive:
      'The ATS integration is inactive in Kombo (INTEGRATION.INACTIVE). Nothing was sent. A Kombo admin must reactivate it in the Kombo dashboard; then retry.{said}',
    setupPermissionMissing:
      'The ATS account Kombo uses lacks a permission this needs (INTEGRATION.PERMISSION_MISSING). Nothing was sent. An admin must grant it to that account in the ATS (Kombo’s message names it) and Kombo must see it; then retry.{said}',
    setupModelDisabled:
      'This kind of data is switched off for the integration in Kombo (INTEGRATION.MODEL_DISABLED). Nothing was sent. A Kombo admin can switch it on in the integration’s settings; then retry.{said}',
    setupModelNotAvailable: 'Kombo does not offer this kind of data for this ATS (INTEGRATION.MODEL_NOT_AVAILABLE). Nothing was sent.{said}',
    setupActionDisabled:
      'This action is switched off for the integration in Kombo (INTEGRATION.ACTION_DISABLED). Nothing was sent. A Kombo admin can switch it on in the integration’s settings; then retry.{said}',
    setupActionNotAvailable: 'Kombo cannot do this in this ATS (INTEGRATION.ACTION_NOT_AVAILABLE). Nothing was sent.{said}',
    setupOther: 'The ATS integration in Kombo is not ready for this ({code}). Nothing was sent. A Kombo admin must check the integration in the Kombo dashboard.{said}',
    taskTimedOut:
      'Kombo gave up waiting for the ATS (PLATFORM.TASK_TIMED_OUT): it may still have happened there. Hirebridge looks it up before sending anything again.{said}',
    unknownError: 'Kombo had an unexpected error ({code}). Hirebridge will try again.{said}',
    remoteRefused: 'The ATS refused what Kombo sent it (REMOTE.INPUT_INVALID).{said}',
    jobClosed: 'The job is closed in the ATS: it takes no new applications (ATS.JOB_CLOSED).{said}',
    inputInvalid: 'Kombo did not accept the request (PLATFORM.INPUT_INVALID).{said}',
    refusedWithCode: 'Kombo refused the request ({code}).{said}',
    warned: 'Kombo warned: {message}',
  },
  es: {
    setupQaFailed:
      'Kombo ha detenido esta integración del ATS: sus datos de configuración no han superado los controles de calidad de Kombo (INTEGRATION.QA_FAILED). No se ha enviado nada. Un administrador de Kombo debe abrir la integración en el panel de Kombo y resolver el control (el equipo de Kombo también recibe el aviso); después, reintenta.{said}',
    setupIncomplete:
      'La configuración de la integración del ATS en Kombo no está terminada (INTEGRATION.SETUP_INCOMPLETE). No se ha enviado nada. Un administrador de Kombo debe terminarla en el panel de Kombo; después, reintenta.{said}',
    setupSyncPending:
      'Kombo todavía está haciendo la primera sincronización de esta integración del ATS (INTEGRATION.SETUP_SYNC_PENDING). No se ha enviado nada. Reintenta cuando el panel de Kombo muestre la integración como activa.{said}',
    setupAuthInvalid:
      'Kombo ya no puede iniciar sesión en el ATS (INTEGRATION.AUTHENTICATION_INVALID): sus credenciales allí han caducado o se han revocado. No se ha enviado nada. Un administrador de Kombo debe volver a conectar la integración en el panel de Kombo; después, reintenta.{said}',
    setupInactive:
      'La integración del ATS está inactiva en Kombo (INTEGRATION.INACTIVE). No se ha enviado nada. Un administrador de Kombo debe reactivarla en el panel de Kombo; después, reintenta.{said}',
    setupPermissionMissing:
      'A la cuenta del ATS que usa Kombo le falta un permiso necesario (INTEGRATION.PERMISSION_MISSING). No se ha enviado nada. Un administrador debe concedérselo a esa cuenta en el ATS (el mensaje de Kombo lo indica) y Kombo debe verlo; después, reintenta.{said}',
    setupModelDisabled:
      'Este tipo de datos está desactivado para la integración en Kombo (INTEGRATION.MODEL_DISABLED). No se ha enviado nada. Un administrador de Kombo puede activarlo en los ajustes de la integración; después, reintenta.{said}',
    setupModelNotAvailable: 'Kombo no ofrece este tipo de datos para este ATS (INTEGRATION.MODEL_NOT_AVAILABLE). No se ha enviado nada.{said}',
    setupActionDisabled:
      'Esta acción está desactivada para la integración en Kombo (INTEGRATION.ACTION_DISABLED). No se ha enviado nada. Un administrador de Kombo puede activarla en los ajustes de la integración; después, reintenta.{said}',
    setupActionNotAvailable: 'Kombo no puede hacer esto en este ATS (INTEGRATION.ACTION_NOT_AVAILABLE). No se ha enviado nada.{said}',
    setupOther: 'La integración del ATS en Kombo no está lista para esto ({code}). No se ha enviado nada. Un administrador de Kombo debe revisar la integración en el panel de Kombo.{said}',
    taskTimedOut:
      'Kombo ha dejado de esperar al ATS (PLATFORM.TASK_TIMED_OUT): puede que se haya hecho igualmente. Hirebridge lo comprueba antes de volver a enviar nada.{said}',
    unknownError: 'Kombo ha tenido un error inesperado ({code}). Hirebridge lo volverá a intentar.{said}',
    remoteRefused: 'El ATS ha rechazado lo que Kombo le ha enviado (REMOTE.INPUT_INVALID).{said}',
    jobClosed: 'La oferta está cerrada en el ATS: no admite candidaturas nuevas (ATS.JOB_CLOSED).{said}',
    inputInvalid: 'Kombo no ha aceptado la solicitud (PLATFORM.INPUT_INVALID).{said}',
    refusedWithCode: 'Kombo ha rechazado la solicitud ({code}).{said}',
    warned: 'Aviso de Kombo: {message}',
  },
});
