export * from './protocol';
export * from './result';
export * from './intents/connections';
export * from './intents/jobs';
export { sendIntent } from './client';
