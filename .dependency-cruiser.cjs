/**
 * The floors of the house (SPEC §10; the README's "How the code is laid out" table says the same in words).
 * `npm run lint` runs these rules (scripts/lint-imports.ts) and fails on any violation, and on any import circle
 * between rooms (a room is a folder two levels deep, e.g. lib/export; a file directly in lib/ is a room of its own).
 * Type-only imports count: a type is a dependency too.
 */

/** Each floor of lib/, by room. A room not listed here is refused by the runner (say where a new room belongs). */
const PLATFORM = ['lib/messaging', 'lib/db', 'lib/outbox', 'lib/errors', 'lib/i18n', 'lib/secrets', 'lib/pdf', 'lib/activity', 'lib/people', 'lib/icons'];
const VENDORS = ['lib/connectors'];
const FEATURES = [
  'lib/connections',
  'lib/jobs',
  'lib/export',
  'lib/hires',
  'lib/sourcing',
  'lib/sites',
  'lib/recipes',
  'lib/hosts',
  'lib/settings',
  'lib/security',
  'lib/retention',
  'lib/teams',
  'lib/dialogs',
];

const rooms = (list) => `^(${list.map((room) => room.replace('/', '\\/')).join('|')})(\\/|\\.tsx?$)`;

/**
 * Violations the tree still has, each to be removed (never add one): `rule: from → to`, and room circles by their
 * sorted rooms. The runner fails when one of these is gone too, so the list only shrinks.
 */
const KNOWN = [];

module.exports = {
  floors: { platform: PLATFORM, vendors: VENDORS, features: FEATURES },
  known: KNOWN,
  forbidden: [
    {
      name: 'platform-knows-no-feature',
      comment: 'The platform (protocol machinery, storage, outbox engine, http, errors, i18n, crypto, pdf) imports no feature and no vendor.',
      severity: 'error',
      from: { path: rooms(PLATFORM) },
      to: { path: [rooms(FEATURES), rooms(VENDORS), '^components/', '^entrypoints/'] },
    },
    {
      name: 'vendors-use-only-the-platform',
      comment: 'A vendor (Factorial, Kombo, an ATS connector) knows no feature, UI or page: keys and inputs are handed in.',
      severity: 'error',
      from: { path: rooms(VENDORS) },
      to: { path: [rooms(FEATURES), '^components/', '^entrypoints/'] },
    },
    {
      name: 'lib-below-ui-and-entrypoints',
      comment: 'Nothing in lib/ imports a component or an entrypoint.',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: ['^components/', '^entrypoints/'] },
    },
    {
      name: 'ui-through-public-surfaces',
      comment: 'Components never import storage, a vendor, the outbox or the vault (they read live queries and act through intents).',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: '^lib/(db|connectors|outbox|secrets)/' },
    },
    {
      name: 'worker-knows-where-not-how',
      comment:
        "The service worker and the extension's pages (options, popup, the framed dialogs, the offscreen document) know where the ATS sites run (lib/sites/where: ids, names, hosts), never how their pages are read (lib/sites/adapters, lib/sites/define.ts: the ATS content script's): those stay off the worker's start path (issue 28).",
      severity: 'error',
      from: { path: '^entrypoints/(background\\.ts$|options/|popup/|dialog/|offscreen/)' },
      to: { path: '^lib/sites/(adapters/|define\\.ts$)', reachable: true },
    },
    {
      name: 'worker-loads-no-page-ui',
      comment:
        "The service worker injects the page tools by file and knows them by their global names (lib/sites/ui/globals.ts), never loads their code: the ATS buttons, the loaders, the site manager and their texts are the pages'.",
      severity: 'error',
      from: { path: '^entrypoints/background\\.ts$' },
      to: { path: '^lib/sites/(ui/|manager\\.ts$)', pathNot: '^lib/sites/ui/globals\\.ts$', reachable: true },
    },
    {
      name: 'sandbox-independent',
      comment: 'The sandbox is written independently of the connectors: it imports nothing from lib/.',
      severity: 'error',
      from: { path: '^sandbox/' },
      to: { path: '^lib/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.wxt|\\.output)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
