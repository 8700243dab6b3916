import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Checks sandbox answers against the vendors' own OpenAPI files in tests/vendor (each with a SOURCE.md), so the sandbox cannot
 * drift from what the vendors document (and a connector's misreading cannot be mirrored by the sandbox).
 */
const VENDOR_DIR = resolve(import.meta.dirname, '..', 'vendor');

type Spec = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> ; requestBody?: { content: Record<string, { schema: unknown }> } }>> };

function load(file: string): Spec {
  return JSON.parse(readFileSync(resolve(VENDOR_DIR, file), 'utf8'));
}

/**
 * The one correction applied to the vendor files: OpenAPI 3.1 "nullable enums" written as
 * `type: [string, null]` with an enum that lacks null (Kombo does this) are meant to allow null.
 */
function allowNullInNullableEnums(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(allowNullInNullableEnums);
  if (!node || typeof node !== 'object') return;
  const schema = node as { type?: unknown; enum?: unknown[] };
  if (Array.isArray(schema.type) && schema.type.includes('null') && Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum.push(null);
  Object.values(node).forEach(allowNullInNullableEnums);
}

/**
 * Factorial's 2026-07-01 spec types `custom_fields_value.value` as `type: unknown`, which JSON Schema has not:
 * read as what it says, any value.
 */
function unknownTypeIsAny(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(unknownTypeIsAny);
  if (!node || typeof node !== 'object') return;
  const schema = node as { type?: unknown };
  if (schema.type === 'unknown') delete schema.type;
  Object.values(node).forEach(unknownTypeIsAny);
}

export function specValidator(file: string) {
  const spec = load(file);
  allowNullInNullableEnums(spec);
  unknownTypeIsAny(spec);
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema(spec as object, 'spec');

  const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

  return {
    spec,
    /** Validate `data` against the 200/201 response schema of an operation (or its items, for lists). */
    response(path: string, method: string, data: unknown, opts: { items?: boolean } = {}) {
      const op = spec.paths[path]?.[method];
      if (!op) throw new Error(`No ${method} ${path} in ${file}`);
      const code = Object.keys(op.responses).find((c) => c.startsWith('2'))!;
      let ref = `spec#/paths/${pointer(path)}/${method}/responses/${code}/content/application~1json/schema`;
      if (opts.items) ref += '/items';
      const validate = ajv.getSchema(ref);
      if (!validate) throw new Error(`Cannot resolve ${ref}`);
      const valid = validate(data);
      return { valid: !!valid, errors: ajv.errorsText(validate.errors, { separator: '\n' }) };
    },
    /** Validate a request body against an operation's requestBody schema. */
    request(path: string, method: string, data: unknown) {
      const ref = `spec#/paths/${pointer(path)}/${method}/requestBody/content/application~1json/schema`;
      const validate = ajv.getSchema(ref);
      if (!validate) throw new Error(`Cannot resolve ${ref}`);
      const valid = validate(data);
      return { valid: !!valid, errors: ajv.errorsText(validate.errors, { separator: '\n' }) };
    },
  };
}
