import { z } from 'zod';
import { says } from '../messaging/intents/messages';

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
