import { defineMessages } from '../i18n';

/** The admin passphrase, service-worker side. */
export const t = defineMessages({
  en: {
    locked: 'This needs the admin passphrase: unlock in the Security section first.',
    tooShort: 'Use at least {min} characters.',
    wrong: 'That passphrase is not right. Each wrong try makes the next one wait longer.',
    damaged:
      'The stored admin passphrase cannot be read, so admin settings stay locked. Remove and reinstall the extension (or ask your IT team) to set a new one.',
  },
  es: {
    locked: 'Esto requiere la frase de contraseña de administrador: desbloquea primero en la sección Seguridad.',
    tooShort: 'Usa al menos {min} caracteres.',
    wrong: 'Esa frase de contraseña no es correcta. Cada intento fallido hace esperar más al siguiente.',
    damaged:
      'No se puede leer la frase de contraseña de administrador guardada, así que los ajustes de administrador siguen bloqueados. Quita y vuelve a instalar la extensión (o pide ayuda a tu equipo de TI) para establecer una nueva.',
  },
});
