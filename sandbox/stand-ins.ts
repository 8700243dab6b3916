import type { StandIn } from './stand-in';
import { ashby } from './ashby/api';
import { greenhouse } from './greenhouse/api';
import { recruitee } from './recruitee/api';
import { teamtailor } from './teamtailor/api';
import { workable } from './workable/api';

/** The direct ATS vendors the sandbox speaks, each on its real paths under `/<vendor>/…` (see stand-in.ts). */
export const STAND_INS: readonly StandIn[] = [greenhouse, teamtailor, workable, recruitee, ashby] as StandIn[];
export const STAND_IN_VENDORS = STAND_INS.map((s) => s.vendor);

/** How to connect each direct ATS stand-in by hand (npm start, npm run sandbox): Custom environment, its base URL, its keys. */
export function describeStandIns(sandboxUrl: string): string {
  return STAND_INS.map((s) => {
    const keys = Object.entries(s.keys)
      .map(([label, value]) => `${label} ${value}`)
      .join('   ');
    return `  ${s.vendor.padEnd(10)} base URL ${sandboxUrl}/${s.vendor}${s.basePath ?? ''}   ${keys}`;
  }).join('\n');
}
