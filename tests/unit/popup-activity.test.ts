import { describe, expect, it } from 'vitest';
import { activityCsv, scrubForExport } from '@/components/options/ActivityPanel';

describe('activity log CSV', () => {
  const at = '2026-11-22T10:00:00.000Z';

  it('one header line, then one line per entry, quoted where needed', () => {
    const csv = activityCsv([
      { at, kind: 'export', level: 'success', message: 'Lucas Moreau exported to Factorial HR.' },
      { at, kind: 'export', level: 'error', message: 'Export of "Ana, B." needs attention:\nrejected' },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'time,kind,result,message',
      `${at},export,success,Lucas Moreau exported to Factorial HR.`,
      `${at},export,error,"Export of ""Ana, B."" needs attention: rejected"`,
      '',
    ]);
  });

  it('never carries what looks like a key or file content, even if a message had one', () => {
    const key = 'sbx-factorial-3f9a2c7d41e8b6a0c2d4f6a8b0c2d4e6f8a0';
    const base64 = 'JVBERi0xLjcKJcOkw7zDtsOfCjIgMCBvYmoKPDwvTGVuZ3RoIDMgMCBSL0ZpbHRlci9GbGF0ZURlY29kZT4+';
    const scrubbed = scrubForExport(`Rejected key ${key} and a resume ${base64}`);
    expect(scrubbed).not.toContain(key);
    expect(scrubbed).not.toContain(base64.slice(0, 40));
    expect(scrubbed).toBe('Rejected key [removed] and a resume [removed]');
  });

  it('spreadsheet formulas stay text', () => {
    const csv = activityCsv([{ at, kind: 'sync', level: 'info', message: '=HYPERLINK("http://evil.example","click")' }]);
    expect(csv.split('\r\n')[1]).toBe(`${at},sync,info,"'=HYPERLINK(""http://evil.example"",""click"")"`);
  });
});
