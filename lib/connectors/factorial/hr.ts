import { z } from 'zod/mini';
import type { HttpHooks } from '../http';
import type { ContractVersion, Employee, FactorialCredentials, FactorialHrPort, NewEmployee } from '../types';
import { createFactorialClient } from './client';
import { factorialEmployeeUrl } from './environments';
import { ALL_JOB_CATALOG_NODES, currentContractVersion, factorialOne } from './quirks';
import { ContractVersion as ContractVersionSchema, CreateEmployeeBody, CustomField, CustomFieldOption, CustomFieldValue, Employee as EmployeeSchema, LegalEntity, Location, Team } from './schemas';

/**
 * The body of POST employees/employees/create_with_contract, checked against the SDK's generated request types of the
 * pinned version and of the newer ones (tests/vendor/factorial/sdk). `email` is the candidate's own address, the only
 * one Hirebridge has: up to 2026-07-01 Factorial reads it as the personal email; from 2026-10-01 (2027-01-01 the same)
 * as the login email ("login email of the new employee. Not the personal email."), and no version has a
 * `communications_email` or any other email field. So one field, in every version.
 */
export function createWithContractBody(input: NewEmployee): CreateEmployeeBody {
  return CreateEmployeeBody.parse({
    company_id: input.companyId,
    first_name: input.firstName,
    last_name: input.lastName,
    email: input.email,
    legal_entity_id: input.legalEntityId,
    team_id: input.teamId,
    location_id: input.locationId,
    contract_starts_on: input.startDate,
    country: input.country,
    phone_number: input.phone,
    manager_id: input.managerId,
    ...(input.trialPeriodEndsOn ? { has_trial_period: true, trial_period_ends_on: input.trialPeriodEndsOn } : {}),
  });
}

/** Factorial HR: the employee side of Factorial (Export to FactorialHR). */
export function createFactorialHr(creds: FactorialCredentials, hooks?: HttpHooks): FactorialHrPort {
  const client = createFactorialClient(creds, hooks);
  const toEmployee = (e: z.output<typeof EmployeeSchema>): Employee => ({
    id: e.id,
    firstName: e.first_name,
    lastName: e.last_name,
    email: e.email,
    loginEmail: e.login_email,
  });
  const toContract = (c: z.output<typeof ContractVersionSchema>): ContractVersion => ({ id: c.id, employeeId: c.employee_id, effectiveOn: c.effective_on, jobTitle: c.job_title });

  return {
    verify: () => client.verifyCompany(),

    async listLegalEntities() {
      const rows = await client.all(LegalEntity, 'companies/legal_entities');
      return rows.map((r) => ({ id: r.id, companyId: r.company_id, legalName: r.legal_name, country: r.country }));
    },

    async listTeams() {
      return (await client.all(Team, 'teams/teams')).map((r) => ({ id: r.id, name: r.name }));
    },

    async listLocations() {
      return (await client.all(Location, 'locations/locations')).map((r) => ({ id: r.id, name: r.name, country: r.country }));
    },

    async findEmployeeByEmail(email) {
      const wanted = email.trim().toLowerCase();
      // Both booleans are marked required by the spec; false includes terminated and non-manager employees.
      const rows = await client.all(EmployeeSchema, 'employees/employees', { 'emails': [email.trim()], only_active: false, only_managers: false });
      const match = rows.find((e) => [e.email, e.login_email, e.personal_email].some((m) => m?.toLowerCase() === wanted));
      return match ? toEmployee(match) : null;
    },

    async createEmployee(input: NewEmployee) {
      const body = createWithContractBody(input);
      const created = await client.http.request(factorialOne(EmployeeSchema), client.resourcePath('employees/employees/create_with_contract'), { method: 'POST', body });
      return toEmployee(created);
    },

    async currentContract(employeeId) {
      // `job_catalog_tree_node_uuids[]` is required by the spec; the SDK's own client sends it as an empty list, which
      // its query serializer (and ours) leaves out of the URL: the request carries only the employee (see quirks.ts).
      const rows = await client.all(ContractVersionSchema, 'contracts/contract_versions', { employee_ids: [employeeId], job_catalog_tree_node_uuids: ALL_JOB_CATALOG_NODES });
      const current = currentContractVersion(rows.filter((r) => r.employee_id === employeeId));
      return current ? toContract(current) : null;
    },

    async listEmployees() {
      const rows = await client.all(EmployeeSchema, 'employees/employees', { only_active: true, only_managers: false });
      return rows.map((e) => ({ id: e.id, name: e.full_name || `${e.first_name} ${e.last_name}`.trim() }));
    },

    async listCustomFields() {
      const fields = await client.all(CustomField, 'custom_fields/fields');
      const choices = fields.filter((f) => f.field_type === 'single_choice' || f.field_type === 'multiple_choice');
      const options = choices.length ? await client.all(CustomFieldOption, 'custom_fields/options', { field_ids: choices.map((f) => f.id) }) : [];
      return fields.map((f) => ({
        id: f.id,
        label: f.label_text,
        type: f.field_type,
        required: f.required === true,
        legalEntityId: f.legal_entity_id,
        legalEntityName: f.legal_entity_name,
        options: choices.includes(f)
          ? options.filter((o) => o.field_id === f.id && o.is_active !== false).map((o) => ({ value: o.value ?? o.label ?? o.id, label: o.label ?? o.value ?? o.id }))
          : undefined,
      }));
    },

    async customFieldValues(employeeId) {
      const rows = await client.all(CustomFieldValue, 'custom_fields/values', { employee_ids: [employeeId] });
      const values = new Map<string, string>();
      for (const row of rows) {
        if (row.valuable_type !== 'Employee' || row.valuable_id !== employeeId || row.value === null || row.value === undefined) continue;
        values.set(row.field_id, Array.isArray(row.value) ? row.value.join(',') : String(row.value));
      }
      return values;
    },

    async writeCustomFieldValue(fieldId, employeeId, value) {
      // The spec types `value` as a string for every field type (checkbox "true"/"false", multiple choice comma-separated).
      await client.http.request(z.unknown(), client.resourcePath('custom_fields/values'), {
        method: 'POST',
        body: { field_id: fieldId, valuable_type: 'Employee', valuable_id: employeeId, value },
      });
    },

    async setJobTitle(contractVersionId, jobTitle) {
      const updated = await client.http.request(factorialOne(ContractVersionSchema), client.resourcePath(`contracts/contract_versions/${encodeURIComponent(contractVersionId)}`), {
        method: 'PUT',
        body: { id: contractVersionId, job_title: jobTitle },
      });
      return toContract(updated);
    },

    employeeUrl(id) {
      return factorialEmployeeUrl(creds.baseUrl, id);
    },
  };
}
