import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { DIRECT_ATS_CARDS } from './lib/connectors/cards';
import { BUILT_IN_ATS_HOSTS, VENDOR_API_HOSTS } from './lib/hosts';
import { iconPaths, TOOLBAR_SIZES } from './lib/icons';

/**
 * Firefox: a fixed add-on id (enterprise policy and storage.managed are keyed by it; AMO keeps it for ever);
 * 140 is the ESR line with built-in data consent (Android has it from 142); and what leaves the browser:
 * candidates' names and contact details and what the ATS page shows, sent only to the HR and ATS accounts the
 * organisation connects. See README "Load it in Firefox".
 */
const FIREFOX_SETTINGS = {
  gecko: {
    id: 'hirebridge@hirebridge.app',
    strict_min_version: '140.0',
    data_collection_permissions: { required: ['personallyIdentifyingInfo', 'websiteContent'] },
  },
  gecko_android: { strict_min_version: '142.0' },
};

/** lib/'s Spanish texts of every build of one `wxt build` (the worker's and the pages'), written as one file. */
const spanishTexts = new Map<string, Record<string, string>>();

// The manifest declares only the vendors' API hosts and the built-in ATS hosts. Everything else (custom base URLs,
// other ATS hosts, the local sandbox) is an optional permission asked for at run time, never <all_urls>.
export default defineConfig({
  // Overridable so parallel builds (bench, a second checkout) do not overwrite each other's .output.
  outDir: process.env.HIREBRIDGE_OUT_DIR ?? '.output',
  hooks: {
    // The content script every ATS page loads uses `browser` for runtime.id only: it gets WXT's own `browser` (the
    // browser's native API) instead of webextension-polyfill, whose wrapper walks the whole chrome object at every
    // page load (~1 ms of its main-thread time). Every other entrypoint keeps the polyfill.
    'vite:build:extendConfig': async (entrypoints, config) => {
      // The service worker and the extension pages carry English only: in their builds (Chrome builds the worker on its
      // own, Firefox with the pages), lib/'s dictionaries leave their Spanish in one i18n/es.json, fetched at start by a
      // Spanish browser only (lib/i18n/build.ts, `loadTexts`). Not the content scripts, which keep theirs inline.
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) {
        const { spanishTextsAsData } = await import('./lib/i18n/build');
        (config.plugins ??= []).push(spanishTextsAsData(resolve(), spanishTexts));
        return;
      }
      if (entrypoints.length !== 1 || entrypoints[0].name !== 'ats') return;
      const alias = config.resolve?.alias;
      if (Array.isArray(alias)) config.resolve!.alias = alias.filter((a) => a.find !== 'wxt/browser');
      else if (alias) delete (alias as Record<string, string>)['wxt/browser'];
    },
    // The PDF profile's fonts (names with accents, Greek, Cyrillic…), fetched by the service worker only.
    'build:publicAssets': async (_wxt, files) => {
      // The manifest's name and description per language → _locales/<lang>/messages.json.
      const { MANIFEST_MESSAGES } = await import('./lib/i18n/manifest');
      for (const [lang, dict] of Object.entries(MANIFEST_MESSAGES)) {
        const messages = Object.fromEntries(Object.entries(dict).map(([key, message]) => [key, { message }]));
        files.push({ relativeDest: `_locales/${lang}/messages.json`, contents: JSON.stringify(messages, null, 1) });
      }
      for (const font of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) {
        files.push({ absoluteSrc: resolve('node_modules/dejavu-fonts-ttf/ttf', font), relativeDest: `fonts/${font}` });
      }
    },
  },
  vite: () => ({
    resolve: {
      alias: [
        // jsPDF's optional html()/SVG helpers are never used: keep them out of the service worker (see the stub).
        ...['html2canvas', 'canvg', 'dompurify'].map((name) => ({ find: name, replacement: resolve('lib/pdf/optional-deps-stub.ts') })),
        // Dexie's own ES2018+ build (same source, same API) instead of its ES5 UMD build, which the package's
        // `import` condition wraps only to guard against two copies in one page (the "dual package hazard"; one
        // bundle here, every import goes through this alias): 84 KB instead of 95 KB on the worker's start path
        // and every page. Dexie's author: "Dexie already has a modern build output in dist/modern/dexie[.min].mjs"
        // (https://github.com/dexie/Dexie.js/issues/1582); the package exports it ("./dist/*").
        { find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' },
      ],
    },
  }),
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // `npm run zip`: the store packages, and for Mozilla's review the sources that build the Firefox package
  // (`npm ci && npm run build:firefox`, see README "Store packages") — not the tests, sandbox, bench or docs.
  zip: {
    includeSources: ['package.json', 'package-lock.json', 'tsconfig.json', 'wxt.config.ts', 'README.md', 'entrypoints/**', 'components/**', 'lib/**', 'public/**'],
  },
  // Firefox gets Manifest V3 too (WXT defaults it to MV2): one set of APIs (action, scripting, storage.session,
  // optional_host_permissions) for both browsers. See README "Load it in Firefox".
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extension_name__',
    description: '__MSG_extension_description__',
    default_locale: 'en',
    icons: iconPaths(),
    action: { default_icon: iconPaths('default', TOOLBAR_SIZES) },
    // offscreen (Chrome only): the PDF profile is built in an offscreen document, off the worker's start path
    // (lib/pdf/index.ts). It shows no permission warning.
    permissions: ['storage', 'alarms', 'activeTab', 'scripting', 'unlimitedStorage', ...(browser === 'firefox' ? [] : ['offscreen'])],
    // Each direct ATS's API hosts come from its card (lib/connectors/<vendor>/card.ts).
    host_permissions: [...new Set([...VENDOR_API_HOSTS, ...DIRECT_ATS_CARDS.flatMap((card) => card.apiHosts), ...BUILT_IN_ATS_HOSTS])],
    // Extension pages run only their own scripts and post no forms elsewhere. Only web pages may frame them (the
    // dialogs' frame, dialog.html): every other page is not web-accessible, so no web page can load it at all.
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors https: http:",
    },
    // The Export and Sync dialogs render in dialog.html, framed inside the page by the content script, so the page can
    // neither read them nor hear what is typed in them (entrypoints/dialogs.content). Any http(s) page may frame it:
    // Sync to ATS opens on any page the person opens Hirebridge on (activeTab). Chrome serves it only at a per-session
    // URL (use_dynamic_url), so a page cannot probe for it to learn Hirebridge is installed
    // (https://developer.chrome.com/docs/extensions/reference/manifest/web-accessible-resources); Firefox's
    // moz-extension:// host is already a random per-install UUID, and Firefox has no use_dynamic_url.
    web_accessible_resources: [
      { resources: ['dialog.html'], matches: ['https://*/*', 'http://*/*'], ...(browser === 'firefox' ? {} : { use_dynamic_url: true }) },
    ],
    // Organisation-wide settings deployed by policy (chrome.storage.managed); see README "Managed policy".
    storage: { managed_schema: 'managed_schema.json' },
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    ...(browser === 'firefox' ? { browser_specific_settings: FIREFOX_SETTINGS } : {}),
  }),
});
