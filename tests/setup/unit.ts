// Real IndexedDB semantics in Node for Dexie (the browser runs on real IndexedDB).
import 'fake-indexeddb/auto';

// zod's own messages in English, as every extension page sets them (zod/mini installs no locale; lib/i18n/zod.ts).
import { zodMessagesInEnglish } from '../../lib/i18n/zod';
zodMessagesInEnglish();
