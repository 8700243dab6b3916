import { defineMessages } from '../../i18n';

/** Teamtailor's failures and warnings in plain words (shown as they are in the options page, dialogs and the log). */
export const t = defineMessages({
  en: {
    keyRejected: 'Teamtailor rejected the API key. Make sure it was copied completely, has not been deleted in Teamtailor, and belongs to the stack chosen here (EU or NA).',
    needsAdmin: 'The Teamtailor API key has no access to this: Hirebridge needs a key with the Admin scope and both Read and Write checked (Teamtailor → Settings → API keys).{said}',
    needsAdminRead: 'The Teamtailor API key cannot read candidates: Hirebridge needs a key with the Admin scope and both Read and Write checked (Teamtailor → Settings → API keys).{said}',
    apiVersion: 'Teamtailor refused the API version Hirebridge asks for (X-Api-Version).{said}',
    refused: 'Teamtailor did not accept the request.{said}',
    cvByUrlOnly: 'The PDF profile was not attached: Teamtailor takes a CV only as a link to a file on the web. Download the PDF here and upload it on the candidate in Teamtailor.',
    answerNotSent: 'The answer to “{title}” was not saved in Teamtailor: {reason}',
    answerCannotBeSent: 'Teamtailor’s API cannot take an answer to “{title}” (video and file answers are not possible through it).',
    sourceTag: 'The source tag',
  },
  es: {
    keyRejected: 'Teamtailor ha rechazado la clave de API. Comprueba que la has copiado entera, que no se ha borrado en Teamtailor y que es del entorno elegido aquí (EU o NA).',
    needsAdmin: 'La clave de API de Teamtailor no tiene acceso a esto: Hirebridge necesita una clave con el ámbito Admin y con Read y Write marcados (Teamtailor → Settings → API keys).{said}',
    needsAdminRead: 'La clave de API de Teamtailor no puede leer candidatos: Hirebridge necesita una clave con el ámbito Admin y con Read y Write marcados (Teamtailor → Settings → API keys).{said}',
    apiVersion: 'Teamtailor ha rechazado la versión de la API que pide Hirebridge (X-Api-Version).{said}',
    refused: 'Teamtailor no ha aceptado la solicitud.{said}',
    cvByUrlOnly: 'El perfil en PDF no se ha adjuntado: Teamtailor solo admite el CV como enlace a un archivo en la web. Descarga aquí el PDF y súbelo al candidato en Teamtailor.',
    answerNotSent: 'La respuesta a «{title}» no se ha guardado en Teamtailor: {reason}',
    answerCannotBeSent: 'La API de Teamtailor no admite respuestas a «{title}» (no se pueden enviar respuestas de vídeo ni de archivo).',
    sourceTag: 'La etiqueta de origen',
  },
});
