import type { StandIn } from './stand-in';
import { ashby } from './ashby/api';
import { greenhouse } from './greenhouse/api';
import { recruitee } from './recruitee/api';
import { teamtailor } from './teamtailor/api';
import { workable } from './workable/api';

/** The direct ATS vendors the sandbox speaks, each on its real paths under `/<vendor>/…` (see stand-in.ts). */
export const STAND_INS: readonly StandIn[] = [greenhouse, teamtailor, workable, recruitee, ashby] as StandIn[];
export const STAND_IN_VENDORS = STAND_INS.map((s) => s.vendor);
