import { z } from 'zod';
import { says } from './messages';

/**
 * A phone number as the forms take it (Export to FactorialHR, Sync to ATS): up to 40 digits, spaces and + ( ) . -,
 * or nothing. The one rule; the page side reads phones more loosely (lib/sites) and the forms check them with this.
 */
export const PhoneField = z
  .string()
  .trim()
  .max(40, says('phoneLong'))
  .regex(/^[+()\d\s.-]*$/, says('phoneChars'))
  .optional()
  .or(z.literal(''));

/** A first and a last name as the forms take them (Export to FactorialHR, Sync to ATS): required, under 100 characters. */
export const FirstNameField = z.string().trim().min(1, says('firstNameMissing')).max(100, says('firstNameLong'));
export const LastNameField = z.string().trim().min(1, says('lastNameMissing')).max(100, says('lastNameLong'));
/** An email address as the forms take it: required, a valid address of at most 254 characters. */
export const EmailField = z.string().trim().min(1, says('emailMissing')).max(254, says('emailLong')).email(says('emailInvalid'));
