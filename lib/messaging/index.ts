export * from './protocol';
export * from './result';
export * from './intents/connections';
export * from './intents/jobs';
export * from './intents/export';
export { sendIntent } from './client';
export * from './intents/sourcing';
export * from './intents/settings';
export * from './intents/operations';
