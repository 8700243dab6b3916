/** What every intent answers: defined with the one error convention (lib/errors.ts), which the protocol builds on. */
export { fail, ok, type Failure, type Result } from '../errors';
