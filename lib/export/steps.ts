import { ConnectorError } from '../connectors/errors';
import type { FactorialHrPort } from '../connectors/types';
import { z } from 'zod/mini';
import type { ExportOperation } from './operation';
import type { ExportFields } from './intents';
import { sendsOf, type Step, type StepResults } from '../outbox';
import { t } from './messages';

/**
 * The steps of one export, in order, each done once (see `runSteps`): everything the form asks for reaches
 * Factorial, and the export is "done" only when every step that applies is. Each later step reads first and
 * writes only what is missing.
 */

export interface ExportContext {
  hr: FactorialHrPort;
  operation: ExportOperation;
  fields: ExportFields;
}

/** What the employee step records: who, and whether this export created them or found them already there. */
const EmployeeFacts = z.looseObject({
  id: z.string(),
  url: z.string(),
  outcome: z.enum(['created', 'duplicate']),
  /** Set just before the create is sent: a person found afterwards was created by this export. */
  createSent: z.optional(z.boolean()),
});
type EmployeeFacts = z.infer<typeof EmployeeFacts>;

/** The employee step's facts once it is done (parsed: they were read back from storage). */
export const employeeOf = (results: StepResults): EmployeeFacts | undefined => (results.employee?.done ? EmployeeFacts.safeParse(results.employee).data : undefined);

/** 1. The employee, with create_with_contract. Looked up by email first, so nobody is created twice. */
const createEmployee: Step<ExportContext> = {
  name: 'employee',
  async run({ hr, operation, fields }, results, progress) {
    // An earlier send of this very operation may have created them before the worker stopped or the answer was lost.
    const sentBefore = sendsOf(operation) > 0 || results.employee?.createSent === true;
    const facts = (id: string, outcome: EmployeeFacts['outcome']) => ({ id, url: hr.employeeUrl(id), outcome });
    const existing = await hr.findEmployeeByEmail(fields.email);
    if (existing) return facts(existing.id, sentBefore ? 'created' : 'duplicate');
    await progress({ createSent: true });
    try {
      const created = await hr.createEmployee({
        companyId: operation.payload.companyId,
        firstName: fields.firstName,
        lastName: fields.lastName,
        email: fields.email,
        phone: fields.phone || undefined,
        legalEntityId: fields.legalEntityId,
        teamId: fields.teamId || undefined,
        locationId: fields.locationId || undefined,
        startDate: fields.startDate,
        managerId: fields.managerId || undefined,
        trialPeriodEndsOn: fields.trialPeriodEndsOn || undefined,
        country: operation.payload.country?.toLowerCase(),
      });
      return facts(created.id, 'created');
    } catch (error) {
      // "Email already taken": a create still in flight from before a restart may just have landed. Look again.
      if (error instanceof ConnectorError && (error.status === 409 || error.status === 422)) {
        const now = await hr.findEmployeeByEmail(fields.email);
        if (now) return facts(now.id, sentBefore ? 'created' : 'duplicate');
      }
      throw error;
    }
  },
};

/**
 * 2. The job title, on the new employee's contract version (create_with_contract takes none). Only for someone this
 * export created: an employee who was already there is never edited. Read before writing, so a PUT that went
 * through before the worker stopped is not sent again.
 */
const writeJobTitle: Step<ExportContext> = {
  name: 'jobTitle',
  label: () => t('stepJobTitle'),
  applies: ({ fields }, results) => !!fields.jobTitle?.trim() && employeeOf(results)?.outcome === 'created',
  async run({ hr, fields }, results) {
    const employee = employeeOf(results)!;
    const jobTitle = fields.jobTitle!.trim();
    const contract = await hr.currentContract(employee.id);
    if (!contract) throw new ConnectorError({ vendor: 'Factorial', code: 'not-found', transient: true, message: t('noContractYet') });
    if (contract.jobTitle?.trim() === jobTitle) return { contractVersionId: contract.id, written: false };
    await hr.setJobTitle(contract.id, jobTitle);
    return { contractVersionId: contract.id, written: true };
  },
};

/** The custom-field values the form gave (empty ones are not written). */
const customValues = (fields: ExportFields) => Object.entries(fields.customFields ?? {}).filter(([, v]) => v.trim() !== '');

/**
 * 3. Factorial custom fields (custom_fields/values, valuable_type Employee), after the contract. Only for someone
 * this export created. Each value is read back first and recorded as written one by one, so a worker stopped half
 * way writes only what is still missing.
 */
const writeCustomFields: Step<ExportContext> = {
  name: 'customFields',
  label: () => t('stepCustomFields'),
  applies: ({ fields }, results) => customValues(fields).length > 0 && employeeOf(results)?.outcome === 'created',
  async run({ hr, fields }, results, progress) {
    const employee = employeeOf(results)!;
    const present = await hr.customFieldValues(employee.id);
    const written = [...((results.customFields?.written as string[] | undefined) ?? [])];
    for (const [fieldId, value] of customValues(fields)) {
      if (written.includes(fieldId) || present.get(fieldId) === value.trim()) continue;
      await hr.writeCustomFieldValue(fieldId, employee.id, value.trim());
      written.push(fieldId);
      await progress({ written });
    }
    return { written };
  },
};

export const EXPORT_STEPS: readonly Step<ExportContext>[] = [createEmployee, writeJobTitle, writeCustomFields];

/** A later step failed after the employee exists: say so, and that Retry continues from there. Keeps retry rules. */
export function stepFailure(step: Step<ExportContext>, results: StepResults, error: unknown): unknown {
  const employee = employeeOf(results);
  if (step.name === 'employee' || !employee || !(error instanceof ConnectorError)) return error;
  return new ConnectorError({ ...error.toJSON(), message: t('stepFailed', { what: step.label?.() ?? step.name, reason: error.message }) });
}
