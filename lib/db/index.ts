export { db, HirebridgeDb, resetDbForTests } from './database';
export * from './schema';
