export { db, HirebridgeDb, resetDbForTests } from './database';
export * from './schema';
export { asHire, asSourced, isUnreadable, parseCandidate, parseOperation, readableOnly, readCandidate, readHire, readOperation, readPayloadsWith, readSourced, type Readable } from './parse';
export { storedRow, type StoredRow } from './rows';
