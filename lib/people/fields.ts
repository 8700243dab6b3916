import { z } from 'zod/mini';
import { says } from './messages';

/**
 * A phone number as the forms take it (Export to FactorialHR, Sync to ATS): up to 40 digits, spaces and + ( ) . -,
 * or nothing. The one rule; the page side reads phones more loosely (lib/sites) and the forms check them with this.
 */
export const PhoneField = z.union([
  z.optional(z.string().check(z.trim(), z.maxLength(40, says('phoneLong')), z.regex(/^[+()\d\s.-]*$/, says('phoneChars')))),
  z.literal(''),
]);

/** A first and a last name as the forms take them (Export to FactorialHR, Sync to ATS): required, under 100 characters. */
export const FirstNameField = z.string().check(z.trim(), z.minLength(1, says('firstNameMissing')), z.maxLength(100, says('firstNameLong')));
export const LastNameField = z.string().check(z.trim(), z.minLength(1, says('lastNameMissing')), z.maxLength(100, says('lastNameLong')));
/** An email address as the forms take it: required, a valid address of at most 254 characters. */
export const EmailField = z.string().check(z.trim(), z.minLength(1, says('emailMissing')), z.maxLength(254, says('emailLong')), z.email(says('emailInvalid')));
