import { defineMessages, saysFrom } from '../../i18n';

/**
 * Connections' validation messages (the connect form's fields), left here only because lib/connections/intents.ts
 * (changed on another branch) imports them from this path: they are to move to lib/connections with that import.
 * Every other feature keeps its own (lib/<feature>/input-messages.ts); the messaging platform keeps no feature's words.
 */
export const t = defineMessages({
  en: {
    apiKeyMissing: 'Paste the API key.',
    apiKeySpaces: 'The API key cannot contain spaces or line breaks.',
    apiKeyShort: 'This API key looks too short. Make sure it was copied completely.',
    apiKeyLong: 'This API key looks too long. Paste only the key.',
    baseUrlMissing: 'Enter the base URL.',
    baseUrlLong: 'The base URL is too long.',
    baseUrlInvalid: 'Enter a full URL, like https://proxy.example.com.',
    baseUrlHttps: 'The base URL must start with https:// (http:// only for this computer).',
    baseUrlExtras: 'The base URL cannot contain credentials, a query or a fragment.',
    integrationIdMissing: 'Enter the Kombo integration ID.',
    integrationIdLong: 'The integration ID is too long.',
    integrationIdFormat: 'The integration ID looks like "greenhouse:8d1h…" (tool name, colon, id).',
    directFieldMissing: 'Enter the {field}.',
    directFieldLong: 'The {field} is too long.',
    directFieldSpaces: 'The {field} has spaces in it: copy it again.',
    directEnvironment: 'Choose one of {vendor}’s environments.',
  },
  es: {
    apiKeyMissing: 'Pega la clave de API.',
    apiKeySpaces: 'La clave de API no puede contener espacios ni saltos de línea.',
    apiKeyShort: 'Esta clave de API parece demasiado corta. Comprueba que la has copiado entera.',
    apiKeyLong: 'Esta clave de API parece demasiado larga. Pega solo la clave.',
    baseUrlMissing: 'Introduce la URL base.',
    baseUrlLong: 'La URL base es demasiado larga.',
    baseUrlInvalid: 'Introduce una URL completa, como https://proxy.example.com.',
    baseUrlHttps: 'La URL base debe empezar por https:// (http:// solo para este ordenador).',
    baseUrlExtras: 'La URL base no puede contener credenciales, parámetros de consulta ni un fragmento.',
    integrationIdMissing: 'Introduce el ID de integración de Kombo.',
    integrationIdLong: 'El ID de integración es demasiado largo.',
    integrationIdFormat: 'El ID de integración tiene este formato: "greenhouse:8d1h…" (nombre de la herramienta, dos puntos, id).',
    directFieldMissing: 'Introduce: {field}.',
    directFieldLong: 'Demasiado largo: {field}.',
    directFieldSpaces: 'Tiene espacios: {field}. Cópialo de nuevo.',
    directEnvironment: 'Elige uno de los entornos de {vendor}.',
  },
});

/** A zod error param in the UI's language at validation time. */
export const says = saysFrom(t);
