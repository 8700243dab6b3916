import { defineMessages, saysFrom } from '../i18n';

/**
 * What the forms say about a person's name, email and phone (Export to FactorialHR and Sync to ATS
 * take the same ones: ./fields.ts).
 */
export const t = defineMessages({
  en: {
    firstNameMissing: 'Enter the first name.',
    firstNameLong: 'Keep the first name under 100 characters.',
    lastNameMissing: 'Enter the last name.',
    lastNameLong: 'Keep the last name under 100 characters.',
    emailMissing: 'Enter the email address.',
    emailLong: 'This email address is too long.',
    emailInvalid: 'Enter a valid email address, like name@example.com.',
    phoneLong: 'Keep the phone number under 40 characters.',
    phoneChars: 'Use digits, spaces and + ( ) - only.',
  },
  es: {
    firstNameMissing: 'Introduce el nombre.',
    firstNameLong: 'El nombre debe tener menos de 100 caracteres.',
    lastNameMissing: 'Introduce los apellidos.',
    lastNameLong: 'Los apellidos deben tener menos de 100 caracteres.',
    emailMissing: 'Introduce el correo electrónico.',
    emailLong: 'Este correo electrónico es demasiado largo.',
    emailInvalid: 'Introduce un correo electrónico válido, como nombre@example.com.',
    phoneLong: 'El teléfono debe tener menos de 40 caracteres.',
    phoneChars: 'Usa solo dígitos, espacios y + ( ) -.',
  },
});

/** A zod error param in the UI's language at validation time. */
export const says = saysFrom(t);
