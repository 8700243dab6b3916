import { defineSite } from './define';

/**
 * Greenhouse Recruiting. Accounts live on numbered hosts (app, app2, … app9 and beyond) or the EU region; some
 * companies sign in on their own subdomain (canonical.greenhouse.io), which an admin grants at run time. Sources:
 * the testUrls of lib/sites/adapters/greenhouse.ts (a public Greenhouse reader extension's tests name app…app15 and
 * app.eu; Canonical's userscripts run on canonical.greenhouse.io). How its pages are read: that file.
 */

/** Numbered hosts seen in public material reach app15; beyond app20 an admin grants the host like a sign-in subdomain. */
const NUMBERED = ['app', ...Array.from({ length: 19 }, (_, i) => `app${i + 2}`)];

export const greenhouseSite = defineSite({
  id: 'greenhouse',
  name: 'Greenhouse',
  komboTool: 'greenhouse',
  hosts: [...NUMBERED.map((host) => `https://${host}.greenhouse.io/*`), 'https://app.eu.greenhouse.io/*'],
  // Any other app host of greenhouse.io (a company's sign-in subdomain, app21…), but never its public job boards,
  // APIs or help sites.
  grantableHost:
    /^(?!(?:boards|job-boards|boards-api|api|harvest|auth|developers|support|www|my|status|onboarding|mail|email)\.)[a-z0-9-]+(?:\.eu)?\.greenhouse\.io$/,
});
