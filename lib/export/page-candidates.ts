import type { PageCandidate, PageCandidateStatus } from './intents';
import { pageCandidatesStatus } from './service';

/**
 * What another feature does with the candidates an ATS page shows, once Export has said where each one stands. It
 * gets the statuses so far and returns the statuses the page gets; it logs its own failures and never throws.
 */
export type PageCandidatesFollower = (adapterId: string, candidates: PageCandidate[], statuses: PageCandidateStatus[]) => Promise<PageCandidateStatus[]>;

const followers: PageCandidatesFollower[] = [];

/**
 * Follow the candidates pages show, in the order registered (at start-up: lib/sourcing sends prepared syncs whose
 * trigger stage the page shows; lib/hires keeps hired people for the popup and says who the popup exported).
 */
export function followPageCandidates(follower: PageCandidatesFollower): () => void {
  followers.push(follower);
  return () => {
    const at = followers.indexOf(follower);
    if (at >= 0) followers.splice(at, 1);
  };
}

/** The buttons' states for the candidates a page shows (the `pageCandidatesStatus` intent). */
export async function answerPageCandidates(adapterId: string, candidates: PageCandidate[]): Promise<PageCandidateStatus[]> {
  let statuses = await pageCandidatesStatus(adapterId, candidates);
  for (const follow of followers) statuses = await follow(adapterId, candidates, statuses);
  return statuses;
}
