import { defineSite } from './define';

/**
 * Lever. The app is on hire.lever.co, its EU data centre on hire.eu.lever.co and sandboxes on
 * hire.sandbox.lever.co; another `hire.<stack>.lever.co` (Lever's own code names hire.green.lever.co) can be
 * granted at run time. Sources: the evidence and testUrls in lib/sites/adapters/lever.ts (the API's `urls.show` on
 * hire.lever.co and hire.sandbox.lever.co; Lever's front-end code: "Examples of `LEVER_ORIGIN` include
 * https://hire.lever.co, https://hire.eu.lever.co"); excerpts in tests/vendor/lever/SOURCE.md.
 */
export const leverSite = defineSite({
  id: 'lever',
  name: 'Lever',
  komboTool: 'lever',
  hosts: ['https://hire.lever.co/*', 'https://hire.eu.lever.co/*', 'https://hire.sandbox.lever.co/*'],
  grantableHost: /^hire\.[a-z0-9-]+\.lever\.co$/,
});
