// Real IndexedDB semantics in Node for Dexie (the browser runs on real IndexedDB).
import 'fake-indexeddb/auto';

