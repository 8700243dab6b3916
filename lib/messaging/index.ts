export * from './protocol';
export * from './result';
export { sendIntent } from './client';
