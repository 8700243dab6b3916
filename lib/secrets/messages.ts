import { defineMessages } from '../i18n';

/** Shown as a connection's last check when its stored key cannot be used (never any key material). */
export const t = defineMessages({
  en: {
    missing: 'The stored API key is missing. Connect the integration again.',
    undecryptable: 'The stored API key could not be decrypted. Connect the integration again.',
  },
  es: {
    missing: 'Falta la clave de API guardada. Vuelve a conectar la integración.',
    undecryptable: 'No se ha podido descifrar la clave de API guardada. Vuelve a conectar la integración.',
  },
});
