export { db, HirebridgeDb, resetDbForTests } from './database';
export type { Tables } from './tables';
export { isUnreadable, parseWith, readableOnly, type Readable, type UnreadableRecord } from './parse';
export { SettingRecord, storedRow, type StoredRow } from './rows';
