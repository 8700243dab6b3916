import { ashbyCard } from './ashby/card';
import type { DirectAtsCard, DirectAtsProvider } from './direct';
import { greenhouseCard } from './greenhouse/card';
import { recruiteeCard } from './recruitee/card';
import { teamtailorCard } from './teamtailor/card';
import { workableCard } from './workable/card';

/** Every direct ATS as the ATS card offers them, in its order (light: no connector code; see directory.ts). */
export const DIRECT_ATS_CARDS: readonly DirectAtsCard[] = [greenhouseCard, teamtailorCard, workableCard, recruiteeCard, ashbyCard];

export function directAtsCard(provider: string): DirectAtsCard | undefined {
  return DIRECT_ATS_CARDS.find((card) => card.provider === provider);
}

export function isDirectAts(provider: string): provider is DirectAtsProvider {
  return DIRECT_ATS_CARDS.some((card) => card.provider === provider);
}
