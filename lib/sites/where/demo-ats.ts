import type { AtsSite } from '../types';

/**
 * The sandbox's demo ATS (served by `npm start` / the tests on 127.0.0.1), under `/demo-ats/` (sandbox/demo/ats.ts
 * in this repository): the demo sourcing app on the same host is not the ATS. Never in the manifest: its hosts
 * are granted at run time (the options page's Sites region).
 */
export const demoAtsSite: AtsSite & { id: 'demo-ats' } = {
  id: 'demo-ats',
  name: 'Demo ATS',
  komboTool: 'greenhouse',
  hosts: ['http://127.0.0.1/*', 'http://localhost/*'],
  isSite: (url) => ['127.0.0.1', 'localhost'].includes(url.hostname) && url.pathname.startsWith('/demo-ats/'),
};
