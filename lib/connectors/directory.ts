import { ashby } from './ashby';
import type { DirectAts } from './direct';
import { greenhouse } from './greenhouse';
import { recruitee } from './recruitee';
import { teamtailor } from './teamtailor';
import { workable } from './workable';

/** Every direct ATS connector (the service worker's side; pages use cards.ts). */
export const DIRECT_ATS: readonly DirectAts[] = [greenhouse, teamtailor, workable, recruitee, ashby];

export function directAts(provider: string): DirectAts | undefined {
  return DIRECT_ATS.find((vendor) => vendor.provider === provider);
}
