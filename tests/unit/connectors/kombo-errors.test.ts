import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCvAgainst, warnsAboutFile } from '@/lib/connectors/kombo/client';
import { classifyKomboError } from '@/lib/connectors/kombo/errors';

/** Every error code of Kombo's ATS error enum (its OpenAPI, tests/vendor/kombo) has its own meaning, decided by the code. */
const spec = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../vendor/kombo/kombo-openapi.json'), 'utf8'));
const CODES: string[] = spec.components.responses.ErrorResponseATS.content['application/json'].schema.properties.error.properties.code.enum;

describe('Kombo error codes', () => {
  it('the spec lists the codes the issue names', () => {
    expect(CODES).toEqual(expect.arrayContaining(['INTEGRATION.QA_FAILED', 'PLATFORM.TASK_TIMED_OUT', 'PLATFORM.UNKNOWN_ERROR', 'REMOTE.UNKNOWN_HTTP_ERROR', 'ATS.APPLICATION_ALREADY_EXISTS']));
  });

  it('each code is classified by itself, whatever the status: only APPLICATION_ALREADY_EXISTS is a conflict', () => {
    for (const code of CODES) {
      for (const status of [400, 409, 500, 503]) {
        const error = classifyKomboError(status, { code, message: 'words' });
        expect(error, `${code} ${status}`).toBeDefined();
        expect(error!.code === 'conflict', `${code} ${status}`).toBe(code === 'ATS.APPLICATION_ALREADY_EXISTS');
        expect(error!.vendorCode).toBe(code);
      }
    }
  });

  it('setup codes need attention and name what the Kombo admin must do; 409 is not a duplicate', () => {
    for (const code of CODES.filter((c) => c.startsWith('INTEGRATION.'))) {
      const error = classifyKomboError(409, { code })!;
      expect(error.code).toBe('setup');
      expect(error.transient).toBe(false);
      expect(error.publicMessage).toContain(code);
      expect(error.publicMessage).toContain('Nothing was sent');
    }
    expect(classifyKomboError(409, { code: 'INTEGRATION.QA_FAILED', message: 'Quality check failed.' })!.publicMessage).toMatch(/quality checks.*Kombo admin.*Kombo said: Quality check failed\./);
    // A 409 with a code this version does not know, or none at all: refused, never "already applied".
    expect(classifyKomboError(409, { code: 'INTEGRATION.SOMETHING_NEW' })!.code).toBe('setup');
    expect(classifyKomboError(409, { code: 'PLATFORM.SOMETHING_NEW' })!.code).toBe('invalid-request');
    expect(classifyKomboError(409, {})!.code).toBe('invalid-request');
  });

  it('TASK_TIMED_OUT is a timeout (it may have happened); unknown errors are transient', () => {
    const timedOut = classifyKomboError(500, { code: 'PLATFORM.TASK_TIMED_OUT' })!;
    expect(timedOut.code).toBe('timeout');
    expect(timedOut.publicMessage).toMatch(/may still have happened/);
    for (const code of ['PLATFORM.UNKNOWN_ERROR', 'REMOTE.UNKNOWN_HTTP_ERROR']) {
      const error = classifyKomboError(500, { code })!;
      expect([error.code, error.transient]).toEqual(['server', true]);
    }
  });
});

describe('Kombo attachment rules and warnings', () => {
  const rules = (cv: unknown) => ({ total_size_bytes: null, types: { CV: cv } }) as never;
  it('checks a CV against the ATS’s rules (unknown limits refuse nothing)', () => {
    expect(checkCvAgainst(null, { sizeBytes: 9e9, contentType: 'application/pdf' })).toEqual({ ok: true });
    expect(checkCvAgainst(rules({ is_supported: false }), { sizeBytes: 1, contentType: 'application/pdf' })).toEqual({ ok: false, reason: 'unsupported' });
    const limited = rules({ is_supported: true, max_file_size_bytes: 1000, accepted_mime_types: ['application/pdf'], max_amount: 1 });
    expect(checkCvAgainst(limited, { sizeBytes: 1001, contentType: 'application/pdf' })).toEqual({ ok: false, reason: 'too-large', maxBytes: 1000 });
    expect(checkCvAgainst(limited, { sizeBytes: 10, contentType: 'application/pdf' })).toEqual({ ok: true });
    expect(checkCvAgainst(rules({ is_supported: true, max_file_size_bytes: null, accepted_mime_types: ['application/msword'] }), { sizeBytes: 10, contentType: 'application/pdf' })).toEqual({
      ok: false,
      reason: 'type',
      accepted: ['application/msword'],
    });
  });
  it('a warning about a file means the CV is not claimed as kept', () => {
    expect(warnsAboutFile('The attachment "cv.pdf" was not uploaded: too large.')).toBe(true);
    expect(warnsAboutFile('Resume could not be parsed by the ATS')).toBe(true);
    expect(warnsAboutFile('Screening question Q9 is not supported and was skipped.')).toBe(false);
  });
});
