import { DIRECT_ATS_CARDS, directAtsCard } from '../connectors/cards';
import type { DirectAtsProvider } from '../connectors/direct';
import { FACTORIAL_ENVIRONMENTS, KOMBO_ENVIRONMENTS } from '../connectors/environments';
import type { Provider } from './records';

/**
 * What the integration cards offer and name, without the connect intent's schemas (intents.ts builds those from the
 * same lists): the options page's start bundle shows the cards without zod, whose code was a quarter of it and a
 * third of its evaluation on a fresh browser's first open (bench options-first-open). Its schemas load after the
 * first paint, for the form's checks (IntegrationCard).
 */
export { DIRECT_ATS_CARDS, directAtsCard, FACTORIAL_ENVIRONMENTS, KOMBO_ENVIRONMENTS };

/** Each provider's name as people read it (cards, activity log, team-setup messages). */
export const PROVIDER_NAMES = {
  'factorial-hr': 'Factorial HR',
  'factorial-ats': 'Factorial ATS',
  kombo: 'Kombo',
  ...(Object.fromEntries(DIRECT_ATS_CARDS.map((card) => [card.provider, card.name])) as Record<DirectAtsProvider, string>),
} as const satisfies Record<Provider, string>;
