import { describe, expect, it } from 'vitest';
import { checkCustomFields, checkExportForm, customValueError, formValues, mappedValues, requiredCustomFields, staleMapping, usesCandidateCustomFields, withMappedFields } from '@/lib/export/form';
import type { CustomFieldDef } from '@/lib/export/intents';

/** The one rule of every export form (the page's and the popup's Export, and Export all). */

const field = (over: Partial<CustomFieldDef>): CustomFieldDef => ({ id: '1', label: 'Field', type: 'text', required: true, ...over });

describe('the export form rule', () => {
  it('fills only what the person lacks; a person’s own answer wins; names what is missing', () => {
    const values = formValues({ firstName: 'Ana', startDate: '2026-12-01' }, { startDate: '2027-01-01', teamId: '7' }, { locationId: '9' });
    expect(values).toMatchObject({ firstName: 'Ana', startDate: '2026-12-01', teamId: '7', locationId: '9' });
    expect(formValues({}, { startDate: '2027-01-01' }, { startDate: '2027-02-02' }).startDate).toBe('2027-02-02');
    const check = checkExportForm(formValues({ firstName: 'Ana', email: 'ana@' }));
    expect(check.fields).toBeUndefined();
    expect(check.missing).toEqual(expect.arrayContaining(['lastName', 'startDate', 'legalEntityId']));
    expect(check.missing).not.toContain('email');
    expect(check.errors.email).toBe('Enter a valid email address, like name@example.com.');
  });
});

describe('Factorial custom fields', () => {
  const entities = { es: { id: '11', name: 'Hirebridge Demo S.L.' }, de: { id: '12', name: 'Hirebridge Demo GmbH' } };

  it('asks for the required ones of the chosen legal entity (by id, else by Factorial’s legal_entity_name) and the company-wide ones', () => {
    const fields = [
      field({ id: 'a', legalEntityId: '12' }),
      field({ id: 'b', legalEntityName: 'Hirebridge Demo S.L.' }),
      field({ id: 'c' }),
      field({ id: 'd', required: false }),
    ];
    expect(requiredCustomFields(fields, entities.de).map((f) => f.id)).toEqual(['a', 'c']);
    expect(requiredCustomFields(fields, entities.es).map((f) => f.id)).toEqual(['b', 'c']);
    expect(requiredCustomFields(fields, undefined).map((f) => f.id)).toEqual(['c']);
  });

  it('a value of the wrong type is a field-level error, per type', () => {
    const options = [{ value: 'Mac', label: 'Mac' }, { value: 'Linux', label: 'Linux' }];
    expect(customValueError(field({ type: 'date' }), '2027-02-30')).toBe('Use a date like 2026-12-01.');
    expect(customValueError(field({ type: 'date' }), '2027-02-28')).toBeUndefined();
    expect(customValueError(field({ type: 'checkbox' }), 'yes')).toBe('Choose yes or no.');
    expect(customValueError(field({ type: 'checkbox' }), 'false')).toBeUndefined();
    expect(customValueError(field({ type: 'money' }), '12,00 €')).toBe('Enter a number, like 1200 or 1200.50.');
    expect(customValueError(field({ type: 'money' }), '1200.50')).toBeUndefined();
    expect(customValueError(field({ type: 'single_choice', options }), 'Windows')).toBe('Choose one of the options in the list.');
    expect(customValueError(field({ type: 'multiple_choice', options }), 'Mac,Linux')).toBeUndefined();
    expect(customValueError(field({ type: 'multiple_choice', options }), 'Mac,BeOS')).toBe('Choose one of the options in the list.');
    expect(customValueError(field({ type: 'long_text' }), 'x'.repeat(5001))).toBe('Keep it under 5,000 characters.');
    expect(customValueError(field({ type: 'hologram' }), 'x')).toContain('type “hologram”');
  });

  it('a required field with no value is missing; only checked values are sent', () => {
    const fields = [field({ id: 'a', label: 'Laptop', type: 'single_choice', options: [{ value: 'Mac', label: 'Mac' }] }), field({ id: 'b', label: 'Medical check on', type: 'date' })];
    expect(checkCustomFields(fields, { a: 'Mac', b: ' ' })).toEqual({ values: { a: 'Mac' }, errors: {}, missing: [fields[1]] });
    expect(checkCustomFields(fields, { a: 'PC', b: '2027-01-15' })).toEqual({ values: { b: '2027-01-15' }, errors: { a: 'Choose one of the options in the list.' }, missing: [] });
  });
});

describe('the admin’s field mapping', () => {
  const mapping = { entityDefaults: { '12': { teamId: '21', locationId: '31' } }, customFields: { a: { from: 'fixed' as const, value: 'Mac' }, b: { from: 'ats' as const, field: 'jobTitle' as const } } };

  it('gives the legal entity’s team and location and each mapped custom field its value', () => {
    expect(mappedValues(mapping, '12', { jobTitle: 'Product Manager' })).toEqual({ teamId: '21', locationId: '31', customFields: { a: 'Mac', b: 'Product Manager' } });
    expect(mappedValues(mapping, '11', {})).toEqual({ teamId: undefined, locationId: undefined, customFields: { a: 'Mac' } });
  });

  it('a mapping to a Factorial field, team or legal entity that no longer exists is named', () => {
    const lists = { legalEntities: [{ id: '12' }], teams: [{ id: '21' }], locations: [], customFields: [{ id: 'a' }] };
    expect(staleMapping(mapping, lists)).toEqual([
      'The field mapping points to a Factorial location that no longer exists (id 31). Exports wait until an admin fixes the field mapping in Hirebridge’s settings.',
      'The field mapping points to a Factorial custom field that no longer exists (id b). Exports wait until an admin fixes the field mapping in Hirebridge’s settings.',
    ]);
    expect(staleMapping(mapping, { ...lists, locations: [{ id: '31' }], customFields: [{ id: 'a' }, { id: 'b' }] })).toEqual([]);
  });
});

describe('the ATS’s custom fields and the offer as sources', () => {
  const ats = { candidate: { shirt: 'M' }, application: { cost_centre: 'R&D-7' }, offer: { employment_start_date: '2027-02-01', 'compensation.amount': '52000', start_confirmed: '2027-02-15T00:00:00.000Z' } };
  const mapping = {
    entityDefaults: {},
    customFields: { a: { from: 'atsCustom' as const, on: 'application' as const, key: 'cost_centre' }, b: { from: 'offer' as const, key: 'compensation.amount' }, c: { from: 'atsCustom' as const, on: 'candidate' as const, key: 'not_there' } },
    employeeFields: { startDate: { from: 'offer' as const, key: 'start_confirmed' }, jobTitle: { from: 'atsCustom' as const, on: 'candidate' as const, key: 'title_there_is_none' } },
  };

  it('gives a custom field the ATS’s value (none when the ATS has none) and an employee field the mapped one, else the person’s own', () => {
    expect(mappedValues(mapping, '12', {}, ats).customFields).toEqual({ a: 'R&D-7', b: '52000' });
    expect(mappedValues(mapping, '12', {}, undefined).customFields).toEqual({});
    // The offer's date-time becomes the day; the job title has no value in the ATS, so the person's own stays.
    expect(withMappedFields(mapping, { startDate: '2027-01-01', jobTitle: 'Engineer' }, ats)).toEqual({ startDate: '2027-02-15', jobTitle: 'Engineer' });
    expect(withMappedFields(mapping, { startDate: '2027-01-01' }, undefined)).toEqual({ startDate: '2027-01-01' });
  });

  it('reads the candidates’ custom fields (one more request a pull) only when the mapping uses them', () => {
    expect(usesCandidateCustomFields(mapping)).toBe(true);
    expect(usesCandidateCustomFields({ entityDefaults: {}, customFields: { a: mapping.customFields.a } })).toBe(false);
    expect(usesCandidateCustomFields(undefined)).toBe(false);
  });
});

describe('manager and trial period from the mapping', () => {
  it('the entity’s manager, and a trial period of N months from the start date', () => {
    const mapping = { entityDefaults: { '12': { managerId: '101', trialMonths: 6 } }, customFields: {} };
    expect(mappedValues(mapping, '12', { startDate: '2027-03-01' })).toMatchObject({ managerId: '101', trialPeriodEndsOn: '2027-08-31' });
    expect(mappedValues(mapping, '12', { startDate: '' }).trialPeriodEndsOn).toBeUndefined();
    expect(staleMapping(mapping, { legalEntities: [{ id: '12' }], teams: [], locations: [], employees: [{ id: '102' }] })).toEqual([
      'The field mapping points to a Factorial manager (employee) that no longer exists (id 101). Exports wait until an admin fixes the field mapping in Hirebridge’s settings.',
    ]);
    expect(checkExportForm(formValues({ trialPeriodEndsOn: '2027-02-30' })).errors.trialPeriodEndsOn).toBe('This date does not exist.');
  });
});
