import { z } from 'zod/mini';
import { PullIntervalMinutes } from './interval';
import { t } from './messages';

/** The admin settings' schema: defaults, validation, and the shape the managed policy may set. Safe to import anywhere. */

export const SOURCE_NAME_DEFAULT = 'Hirebridge';
export const RETENTION_DAYS_DEFAULT = 30;
export const AUTO_SYNC_STAGE_DEFAULT = 'Engaged';
/** Bounds of the Kombo write wait: the top is the HTTP client's ceiling (lib/connectors/http.ts MAX_WAIT_MS). */
export const KOMBO_WAIT_MIN_SECONDS = 2;
export const KOMBO_WAIT_MAX_SECONDS = 25;

const FactorialId = z.string().check(z.trim(), z.minLength(1), z.maxLength(64));
/**
 * Where a Factorial field's value comes from: a fixed value, one of the ATS's standard fields, a key of the ATS's
 * custom fields (Kombo `custom_fields` of the candidate or the application; `a.b` reaches into an object), or a field
 * of the accepted offer (`employment_start_date`, or a key of its `custom_fields`, e.g. `compensation.amount`).
 */
export const MAPPABLE_ATS_FIELDS = ['jobTitle', 'startDate', 'email', 'phone', 'firstName', 'lastName'] as const;
const AtsKey = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));
export const FieldSource = z.discriminatedUnion('from', [
  z.object({ from: z.literal('fixed'), value: z.string().check(z.trim(), z.minLength(1), z.maxLength(5000)) }),
  z.object({ from: z.literal('ats'), field: z.enum(MAPPABLE_ATS_FIELDS) }),
  z.object({ from: z.literal('atsCustom'), on: z.enum(['candidate', 'application']), key: AtsKey }),
  z.object({ from: z.literal('offer'), key: AtsKey }),
]);
export type FieldSource = z.infer<typeof FieldSource>;
/** Factorial employee fields a source may fill (below what the recruiter types; the person's own value when it gives none). */
export const MAPPABLE_EMPLOYEE_FIELDS = ['startDate', 'jobTitle', 'phone', 'trialPeriodEndsOn'] as const;
/**
 * The admin's field mapping into Factorial: fixed defaults per legal entity (the team and location of everyone hired
 * into it) and where each Factorial custom field's value comes from. Keys are Factorial ids.
 */
export const FieldMapping = z.object({
  entityDefaults: z._default(
    z.record(
      FactorialId,
      z.object({
        teamId: z.optional(FactorialId),
        locationId: z.optional(FactorialId),
        /** create_with_contract's manager_id. */
        managerId: z.optional(FactorialId),
        /** has_trial_period with trial_period_ends_on this many months after the start date. */
        trialMonths: z.optional(z.number().check(z.int(), z.gte(1), z.lte(24))),
      }),
    ),
    {},
  ),
  customFields: z._default(z.record(FactorialId, FieldSource), {}),
  employeeFields: z.optional(z.partialRecord(z.enum(MAPPABLE_EMPLOYEE_FIELDS), FieldSource)),
});
export type FieldMapping = z.infer<typeof FieldMapping>;

/** One zod schema per setting: the single source for defaults, validation and the managed policy's shape. */
export const SettingsSchema = z.object({
  /** Site adapters an admin switched off (by adapter id). */
  disabledAdapters: z._default(z.array(z.string().check(z.maxLength(64))).check(z.maxLength(50)), []),
  /** The source tag put on candidates synced to the ATS. */
  sourceName: z._default(
    z.string().check(z.trim(), z.minLength(1, { error: () => t('sourceMissing') }), z.maxLength(80, { error: () => t('sourceLong') })),
    SOURCE_NAME_DEFAULT,
  ),
  /** Sync a captured candidate automatically when the page shows this stage (off when `autoSync` is false). */
  autoSync: z._default(z.boolean(), false),
  autoSyncStage: z._default(z.string().check(z.trim(), z.minLength(1), z.maxLength(80)), AUTO_SYNC_STAGE_DEFAULT),
  /**
   * Sync to ATS through Kombo: how long a create waits for Kombo's answer before Hirebridge stops waiting and looks the
   * result up instead (Kombo's writes may take minutes; an extension cannot wait past about 25 s).
   */
  komboWriteWaitSeconds: z._default(
    z
      .number()
      .check(
        z.int(),
        z.gte(KOMBO_WAIT_MIN_SECONDS, { error: () => t('waitMin', { seconds: KOMBO_WAIT_MIN_SECONDS }) }),
        z.lte(KOMBO_WAIT_MAX_SECONDS, { error: () => t('waitMax', { seconds: KOMBO_WAIT_MAX_SECONDS }) }),
      ),
    KOMBO_WAIT_MAX_SECONDS,
  ),
  /** Days local candidate data is kept. */
  retentionDays: z._default(
    z.number().check(z.int(), z.gte(1, { error: () => t('retentionMin') }), z.lte(365, { error: () => t('retentionMax') })),
    RETENTION_DAYS_DEFAULT,
  ),
  /** Field mapping into Factorial HR (Export to FactorialHR). */
  fieldMapping: z._default(FieldMapping, { entityDefaults: {}, customFields: {} }),
});
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingName = keyof Settings;

export interface SettingsView {
  values: Settings;
  /** Names fixed by the organisation's policy. */
  managed: SettingName[];
  /** Sync rules fixed by the policy (the Jobs region shows them read-only). */
  managedSyncRules: { pullIntervalMinutes?: number; countries?: string[] };
}

/** A setting name and value as the options page sends it, validated against that setting's own schema. */
export const SettingChange = z.discriminatedUnion('name', [
  z.object({ name: z.literal('disabledAdapters'), value: SettingsSchema.shape.disabledAdapters }),
  z.object({ name: z.literal('sourceName'), value: SettingsSchema.shape.sourceName }),
  z.object({ name: z.literal('autoSync'), value: SettingsSchema.shape.autoSync }),
  z.object({ name: z.literal('autoSyncStage'), value: SettingsSchema.shape.autoSyncStage }),
  z.object({ name: z.literal('retentionDays'), value: SettingsSchema.shape.retentionDays }),
  z.object({ name: z.literal('komboWriteWaitSeconds'), value: SettingsSchema.shape.komboWriteWaitSeconds }),
  z.object({ name: z.literal('fieldMapping'), value: FieldMapping }),
]);
export type SettingChange = z.infer<typeof SettingChange>;

/** Policy-only keys for the sync rules (stored locally by lib/jobs; a policy value overrides them). */
export const ManagedSyncRules = z.object({
  pullIntervalMinutes: PullIntervalMinutes,
  countries: z
    .array(
      z.pipe(
        z.string().check(z.regex(/^[A-Za-z]{2}$/)),
        z.transform((c) => c.toUpperCase()),
      ),
    )
    .check(z.maxLength(250)),
});
