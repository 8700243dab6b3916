/**
 * What every intent answers. Errors travel as plain data (Error objects do not survive runtime messaging), with
 * a message meant for people and, for form input, the field it is about.
 */
export interface Failure {
  code: string;
  message: string;
  field?: string;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: Failure };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: string, message: string, field?: string): Result<never> => ({
  ok: false,
  error: field ? { code, message, field } : { code, message },
});
