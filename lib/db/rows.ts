import { z } from 'zod/mini';
import { db } from './database';

/** A keyed row of the `settings` table. Each row's value has its own schema where it is defined (`storedRow`). */
export const SettingRecord = z.object({ key: z.string(), value: z.unknown() });
export type SettingRecord = z.infer<typeof SettingRecord>;

/**
 * One keyed row of the `settings` table an engine keeps (the job pull's state, the last hired pull, ...), with its
 * schema: read back parsed, written typed. A stored value that no longer fits reads as absent (the engine starts
 * afresh rather than trusting it) and is reported once on the console; it stays stored until overwritten.
 */
export interface StoredRow<T> {
  key: string;
  /** The value, or undefined when absent or unreadable. Works inside a Dexie transaction on `settings`. */
  read(): Promise<T | undefined>;
  write(value: T): Promise<void>;
  remove(): Promise<void>;
  /** Parse a value read some other way (e.g. a live query of the row). */
  parse(value: unknown): T | undefined;
}

export function storedRow<S extends z.ZodMiniType>(key: string, schema: S): StoredRow<z.infer<S>> {
  const parse = (value: unknown): z.infer<S> | undefined => {
    if (value === undefined) return undefined;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    console.warn(`Hirebridge: the stored "${key}" could not be read and is ignored (${parsed.error.issues[0]?.message ?? 'wrong shape'}).`);
    return undefined;
  };
  return {
    key,
    parse,
    read: async () => parse((await db().settings.get(key))?.value),
    write: async (value) => {
      await db().settings.put({ key, value });
    },
    remove: () => db().settings.delete(key),
  };
}
