import { defineMessages, saysFrom } from '../i18n';

/**
 * What the Jobs region's schemas say about a bad value.
 */
export const t = defineMessages({
  en: {
    countryCode: 'Use two-letter ISO country codes, like ES or DE.',
  },
  es: {
    countryCode: 'Usa códigos de país ISO de dos letras, como ES o DE.',
  },
});

/** A zod error param in the UI's language at validation time. */
export const says = saysFrom(t);
