import { taughtAdapterId } from '../recipe-key';
import type { AtsSite } from '../types';

/**
 * A host no built-in site knows, read only through an admin's recipes: https, that host alone, granted at run time.
 * The worker's view of it (siteById) and its page part (lib/recipes/apply.ts taughtAdapter) are this one rule.
 */
export function taughtSite(host: string): AtsSite & { needsGrant(url: URL): boolean } {
  return {
    id: taughtAdapterId(host),
    name: host,
    hosts: [`https://${host}/*`],
    isSite: (url) => url.protocol === 'https:' && url.hostname === host,
    needsGrant: () => true,
  };
}
