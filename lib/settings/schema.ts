import { z } from 'zod';
import { PullIntervalMinutes } from './interval';
import { t } from './messages';

/** The admin settings' schema: defaults, validation, and the shape the managed policy may set. Safe to import anywhere. */

export const SOURCE_NAME_DEFAULT = 'Hirebridge';
export const RETENTION_DAYS_DEFAULT = 30;
export const AUTO_SYNC_STAGE_DEFAULT = 'Engaged';
/** Bounds of the Kombo write wait: the top is the HTTP client's ceiling (lib/connectors/http.ts MAX_WAIT_MS). */
export const KOMBO_WAIT_MIN_SECONDS = 2;
export const KOMBO_WAIT_MAX_SECONDS = 25;

const FactorialId = z.string().trim().min(1).max(64);
/**
 * Where a Factorial field's value comes from: a fixed value, one of the ATS's standard fields, a key of the ATS's
 * custom fields (Kombo `custom_fields` of the candidate or the application; `a.b` reaches into an object), or a field
 * of the accepted offer (`employment_start_date`, or a key of its `custom_fields`, e.g. `compensation.amount`).
 */
export const MAPPABLE_ATS_FIELDS = ['jobTitle', 'startDate', 'email', 'phone', 'firstName', 'lastName'] as const;
const AtsKey = z.string().trim().min(1).max(200);
export const FieldSource = z.discriminatedUnion('from', [
  z.object({ from: z.literal('fixed'), value: z.string().trim().min(1).max(5000) }),
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
  entityDefaults: z
    .record(
      FactorialId,
      z.object({
        teamId: FactorialId.optional(),
        locationId: FactorialId.optional(),
        /** create_with_contract's manager_id. */
        managerId: FactorialId.optional(),
        /** has_trial_period with trial_period_ends_on this many months after the start date. */
        trialMonths: z.number().int().min(1).max(24).optional(),
      }),
    )
    .default({}),
  customFields: z.record(FactorialId, FieldSource).default({}),
  employeeFields: z.partialRecord(z.enum(MAPPABLE_EMPLOYEE_FIELDS), FieldSource).optional(),
});
export type FieldMapping = z.infer<typeof FieldMapping>;

/** One zod schema per setting: the single source for defaults, validation and the managed policy's shape. */
export const SettingsSchema = z.object({
  /** Site adapters an admin switched off (by adapter id). */
  disabledAdapters: z.array(z.string().max(64)).max(50).default([]),
  /** The source tag put on candidates synced to the ATS. */
  sourceName: z.string().trim().min(1, { error: () => t('sourceMissing') }).max(80, { error: () => t('sourceLong') }).default(SOURCE_NAME_DEFAULT),
  /** Sync a captured candidate automatically when the page shows this stage (off when `autoSync` is false). */
  autoSync: z.boolean().default(false),
  autoSyncStage: z.string().trim().min(1).max(80).default(AUTO_SYNC_STAGE_DEFAULT),
  /**
   * Sync to ATS through Kombo: how long a create waits for Kombo's answer before Hirebridge stops waiting and looks the
   * result up instead (Kombo's writes may take minutes; an extension cannot wait past about 25 s).
   */
  komboWriteWaitSeconds: z
    .number()
    .int()
    .min(KOMBO_WAIT_MIN_SECONDS, { error: () => t('waitMin', { seconds: KOMBO_WAIT_MIN_SECONDS }) })
    .max(KOMBO_WAIT_MAX_SECONDS, { error: () => t('waitMax', { seconds: KOMBO_WAIT_MAX_SECONDS }) })
    .default(KOMBO_WAIT_MAX_SECONDS),
  /** Days local candidate data is kept. */
  retentionDays: z.number().int().min(1, { error: () => t('retentionMin') }).max(365, { error: () => t('retentionMax') }).default(RETENTION_DAYS_DEFAULT),
  /** Field mapping into Factorial HR (Export to FactorialHR). */
  fieldMapping: FieldMapping.default({ entityDefaults: {}, customFields: {} }),
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
  countries: z.array(z.string().regex(/^[A-Za-z]{2}$/).transform((c) => c.toUpperCase())).max(250),
});
