import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db, resetDbForTests } from '@/lib/db';
import type { HireCandidate } from '@/lib/export/records';
import { assessForExport } from '@/lib/hires/assess';
import { badgeText, groupCandidates, waitingGroups } from '@/lib/hires/groups';
import { capturePageCandidates, followBadge, followJobPulls, refreshHiredCandidates, toolbarUpdate } from '@/lib/hires';
import type { AtsPort, FactorialHrPort, HiredApplication } from '@/lib/connectors/types';

// The connected ATS and Factorial HR, as fakes behind the same ports the service uses.
const fakes = vi.hoisted(() => ({
  hired: [] as HiredApplication[][],
  listCalls: 0,
  lookups: [] as string[],
  employees: new Map<string, string>(),
}));
vi.mock('@/lib/connections', async (original) => ({
  ...(await original<typeof import('@/lib/connections')>()),
  withAts: async <T,>(work: (ats: AtsPort, connection: unknown) => Promise<T>) =>
    work(
      {
        provider: 'kombo',
        listHiredApplications: async ({ cursor }: { cursor?: string | null }) => {
          fakes.listCalls += 1;
          const page = Number(cursor ?? 0);
          return { items: fakes.hired[page] ?? [], next: page + 1 < fakes.hired.length ? String(page + 1) : null };
        },
      } as unknown as AtsPort,
      { slot: 'ats', provider: 'kombo', tool: 'greenhouse' },
    ),
  withHr: async <T,>(work: (hr: FactorialHrPort) => Promise<T>) =>
    work({
      findEmployeeByEmail: async (email: string) => (fakes.lookups.push(email), fakes.employees.has(email) ? { id: fakes.employees.get(email)!, firstName: 'Marta', lastName: 'Serrano' } : null),
      employeeUrl: (id: string) => `https://app.factorialhr.com/employees/${id}`,
    } as unknown as FactorialHrPort),
}));

const T = '2026-11-20T10:00:00.000Z';
const record = (over: Partial<HireCandidate> & { key: string }): HireCandidate => ({
  source: 'Demo ATS',
  firstName: '',
  lastName: '',
  hired: true,
  capturedAt: T,
  updatedAt: T,
  data: { kind: 'hire' },
  ...over,
});

// The same person pulled through Kombo and captured on the ATS page (whose list shows the email in capitals).
const pulled = record({ key: 'ats:kombo:KC1', source: 'Greenhouse through Kombo', firstName: 'Lucas', lastName: 'Moreau', email: 'lucas.moreau@example.com', jobTitle: 'Product Manager', data: { kind: 'hire', origin: 'ats' } });
const captured = record({ key: 'demo-ats:40112234', firstName: 'Lucas', lastName: 'M.', email: 'Lucas.Moreau@Example.com', phone: '+33 6 12 34 56 78', capturedAt: '2026-11-21T09:00:00.000Z', updatedAt: '2026-11-21T09:00:00.000Z', data: { kind: 'hire', origin: 'page', startDate: '2026-12-01' } });

describe('hired groups (what the popup lists and the badge counts)', () => {
  it('one row per person: page and ATS records merge, the ATS wins on names, the page brings the start date', () => {
    const [group, ...rest] = groupCandidates([pulled, captured]);
    expect(rest).toHaveLength(0);
    expect(group).toMatchObject({
      name: 'Lucas Moreau',
      state: 'waiting',
      sources: ['Greenhouse through Kombo', 'Demo ATS'],
      fromAts: true,
      fields: { firstName: 'Lucas', lastName: 'Moreau', email: 'lucas.moreau@example.com', phone: '+33 6 12 34 56 78', jobTitle: 'Product Manager', startDate: '2026-12-01' },
    });
    expect(group.keys.sort()).toEqual(['ats:kombo:KC1', 'demo-ats:40112234']);
  });

  it('exported under any of its records, or already an employee, a person no longer waits', () => {
    expect(waitingGroups([pulled, { ...captured, exportedEmployeeId: '77' }])).toHaveLength(0);
    expect(groupCandidates([pulled, { ...captured, exportedEmployeeId: '77', data: { kind: 'hire', employeeUrl: 'https://app.factorialhr.com/employees/77' } }])[0]).toMatchObject({
      state: 'exported',
      key: 'demo-ats:40112234',
      employeeUrl: 'https://app.factorialhr.com/employees/77',
    });
    expect(groupCandidates([{ ...pulled, data: { kind: 'hire', origin: 'ats', inFactorial: { employeeUrl: 'https://x/employees/1' } } }])[0].state).toBe('in-factorial');
    expect(groupCandidates([{ ...pulled, hired: false }])[0].state).toBe('not-hired');
  });

  it('people without an email stay apart; the newest hires come first', () => {
    const a = record({ key: 'demo-ats:1', firstName: 'Ana', capturedAt: '2026-11-01T00:00:00.000Z' });
    const b = record({ key: 'demo-ats:2', firstName: 'Bea', capturedAt: '2026-11-05T00:00:00.000Z' });
    expect(waitingGroups([a, b]).map((g) => g.name)).toEqual(['Bea', 'Ana']);
  });

  it('the badge shows the count, nothing at zero, and stays short', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(120)).toBe('99+');
  });
});

describe('Export all: who can be sent as is', () => {
  const [lucas] = groupCandidates([pulled, captured]);
  const two = { legalEntities: [{ id: '11' }, { id: '12' }] };

  it('complete people are ready, with the legal entity chosen for everyone', () => {
    const result = assessForExport(lucas, two, '12');
    expect(result).toMatchObject({ fields: { firstName: 'Lucas', startDate: '2026-12-01', legalEntityId: '12' } });
  });

  it('nothing is guessed: what is missing is the reason', () => {
    const [pulledOnly] = groupCandidates([pulled]);
    expect(assessForExport(pulledOnly, two, '11')).toMatchObject({ reason: 'Missing start date.' });
    expect(assessForExport(pulledOnly, two, undefined)).toMatchObject({ reason: 'Missing start date and legal entity.' });
    // A legal entity that is not Factorial's is not used.
    expect(assessForExport(lucas, two, '99')).toMatchObject({ reason: 'Missing legal entity.' });
  });

  it('a single legal entity is preselected', () => {
    expect(assessForExport(lucas, { legalEntities: [{ id: '11' }] }, undefined)).toMatchObject({ fields: { legalEntityId: '11' } });
  });

  it('invalid values are named with the form’s own message', () => {
    const [broken] = groupCandidates([{ ...captured, email: 'lucas@', data: { kind: 'hire', origin: 'page', startDate: '01/12/2026' } }]);
    const result = assessForExport(broken, two, '11');
    expect(result).toMatchObject({ reason: expect.stringContaining('Email: Enter a valid email address') });
    expect(result).toMatchObject({ reason: expect.stringContaining('Start date: Use a date like 2026-12-01.') });
  });
});

describe('captured from ATS pages', () => {
  beforeEach(async () => {
    await resetDbForTests();
    fakeBrowser.reset();
  });

  const lucasOnPage = { siteCandidateId: '40112234', fullName: 'Lucas Moreau', email: 'lucas.moreau@example.com', stage: 'Hired', startDate: '2026-12-01' };

  it('remembers hired people with what the page showed, and forgets them when they move on', async () => {
    const statuses = await capturePageCandidates('demo-ats', [lucasOnPage, { siteCandidateId: '40112237', fullName: 'Daniel Weber', stage: 'Interview' }], [
      { siteCandidateId: '40112234', state: 'exportable' },
      { siteCandidateId: '40112237', state: 'not-hired' },
    ]);
    expect(statuses.map((s) => s.state)).toEqual(['exportable', 'not-hired']);
    const stored = await db().candidates.get('demo-ats:40112234');
    expect(stored).toMatchObject({ firstName: 'Lucas', lastName: 'Moreau', hired: true, source: 'Demo ATS', data: { origin: 'page', startDate: '2026-12-01', stage: 'Hired' } });
    expect(await db().candidates.get('demo-ats:40112237')).toBeUndefined();

    await capturePageCandidates('demo-ats', [{ ...lucasOnPage, stage: 'Offer' }], [{ siteCandidateId: '40112234', state: 'not-hired' }]);
    expect((await db().candidates.get('demo-ats:40112234'))?.hired).toBe(false);
  });

  it('someone exported from the popup (another record) shows as exported on the page', async () => {
    await db().candidates.put({ ...pulled, exportedEmployeeId: '5001', data: { kind: 'hire', origin: 'ats', employeeUrl: 'https://app.factorialhr.com/employees/5001' } });
    const [status] = await capturePageCandidates('demo-ats', [lucasOnPage], [{ siteCandidateId: '40112234', state: 'exportable' }]);
    expect(status).toEqual({ siteCandidateId: '40112234', state: 'exported', employeeUrl: 'https://app.factorialhr.com/employees/5001' });
    expect((await db().candidates.get('demo-ats:40112234'))?.exportedEmployeeId).toBe('5001');
  });

  it('a hire already in Factorial HR is not offered Export on the page (the popup’s rule), asked once per person', async () => {
    const now = new Date().toISOString();
    await db().connections.put({ slot: 'hr', provider: 'factorial-hr', environment: 'custom', baseUrl: 'http://127.0.0.1/x', keyHint: '0000', secretId: 's', connectedAt: now, lastCheckAt: now, lastCheckOk: true });
    fakes.employees = new Map([['marta.serrano@example.com', '101']]);
    fakes.lookups = [];
    const marta = { siteCandidateId: '40112233', fullName: 'Marta Serrano', email: 'marta.serrano@example.com', stage: 'Hired' };
    const onPage = [marta, lucasOnPage];
    const asked = [
      { siteCandidateId: '40112233', state: 'exportable' as const },
      { siteCandidateId: '40112234', state: 'exportable' as const },
    ];
    expect(await capturePageCandidates('demo-ats', onPage, asked)).toEqual([
      { siteCandidateId: '40112233', state: 'in-factorial', employeeUrl: 'https://app.factorialhr.com/employees/101' },
      { siteCandidateId: '40112234', state: 'exportable' },
    ]);
    // The popup agrees: Marta does not wait for export, Lucas does.
    expect(waitingGroups(await db().candidates.toArray()).map((g) => g.name)).toEqual(['Lucas Moreau']);
    expect(fakes.lookups.sort()).toEqual(['lucas.moreau@example.com', 'marta.serrano@example.com']);

    // The list is shown again: the answer was kept, Factorial is not asked again.
    expect((await capturePageCandidates('demo-ats', onPage, asked)).map((s) => s.state)).toEqual(['in-factorial', 'exportable']);
    expect(fakes.lookups).toHaveLength(2);
  });

  it('an unknown site is ignored', async () => {
    const statuses = [{ siteCandidateId: '1', state: 'exportable' as const }];
    expect(await capturePageCandidates('nope', [{ siteCandidateId: '1' }], statuses)).toEqual(statuses);
    expect(await db().candidates.count()).toBe(0);
  });
});

describe('the toolbar badge', () => {
  beforeEach(async () => {
    await resetDbForTests();
    fakeBrowser.reset();
  });

  it('follows the waiting list as it changes', async () => {
    const stop = followBadge();
    try {
      await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe(''));
      await db().candidates.bulkPut([pulled, captured, record({ key: 'demo-ats:9', firstName: 'Ana', email: 'ana@example.com' })]);
      await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('2'));
      await db().candidates.update('ats:kombo:KC1', { exportedEmployeeId: '1' });
      await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('1'));
      expect(await fakeBrowser.action.getTitle({})).toBe('Hirebridge: 1 hired candidate waiting for export');
    } finally {
      stop();
    }
  });

  it('switches the toolbar icon to the waiting variant while someone waits, and back', async () => {
    const setIcon = vi.spyOn(fakeBrowser.action, 'setIcon').mockResolvedValue(undefined);
    const icons = () => setIcon.mock.calls.map(([details]) => (details as { path: Record<string, string> }).path);
    const stop = followBadge();
    try {
      await db().candidates.bulkPut([pulled]);
      await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('1'));
      await db().candidates.update('ats:kombo:KC1', { exportedEmployeeId: '1' });
      await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe(''));
      // The toolbar started with the manifest's icon and no text, as the list said: only the two changes were drawn.
      expect(icons()).toEqual([
        { 16: '/icon/waiting/16.png', 32: '/icon/waiting/32.png' },
        { 16: '/icon/16.png', 32: '/icon/32.png' },
      ]);
    } finally {
      stop();
      setIcon.mockRestore();
    }
  });

  it('leaves the toolbar alone when it already shows what the list says (a worker start), and sets all three on a change', () => {
    // After a browser start (no text, the manifest's icon) with nobody waiting, and after a worker restart that finds
    // the last worker's count: nothing to redraw.
    expect(toolbarUpdate('', [])).toBeNull();
    expect(toolbarUpdate('1', [pulled])).toBeNull();
    expect(toolbarUpdate('', [pulled])).toEqual({ text: '1', icon: 'waiting', title: 'Hirebridge: 1 hired candidate waiting for export' });
    expect(toolbarUpdate('1', [])).toEqual({ text: '', icon: 'default', title: 'Hirebridge' });
    // The toolbar's text could not be read (no toolbar API): everything is set.
    expect(toolbarUpdate(undefined, [])).toEqual({ text: '', icon: 'default', title: 'Hirebridge' });
  });

  it('reads what the toolbar shows before its first update', async () => {
    // The last worker left "1" up and the candidate is still waiting: this worker draws nothing until the list changes.
    await db().candidates.bulkPut([pulled]);
    await fakeBrowser.action.setBadgeText({ text: '1' });
    const setIcon = vi.spyOn(fakeBrowser.action, 'setIcon').mockResolvedValue(undefined);
    const setBadgeText = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    // The badge's first read of the list, answered before the list changes (else its first look would be the change).
    const reads: Promise<unknown>[] = [];
    const toArray = db().candidates.toArray.bind(db().candidates);
    const readList = vi.spyOn(db().candidates, 'toArray').mockImplementation(((...args: []) => {
      const read = toArray(...args);
      reads.push(read);
      return read;
    }) as typeof toArray);
    const stop = followBadge();
    try {
      await vi.waitFor(() => expect(reads.length).toBeGreaterThan(0));
      await reads[0];
      await db().candidates.bulkPut([record({ key: 'demo-ats:9', firstName: 'Ana', email: 'ana@example.com' })]);
      await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('2'));
      expect(setBadgeText.mock.calls.map(([details]) => details.text)).toEqual(['2']);
      expect(setIcon).toHaveBeenCalledTimes(1);
    } finally {
      stop();
      setIcon.mockRestore();
      setBadgeText.mockRestore();
      readList.mockRestore();
    }
  });

  it('keeps the badge going when a toolbar call throws (as browser.action did in the old Firefox build)', async () => {
    const setIcon = vi.spyOn(fakeBrowser.action, 'setIcon').mockImplementation(() => {
      throw new TypeError('browser.action is undefined');
    });
    const stop = followBadge();
    try {
      await db().candidates.bulkPut([pulled]);
      // What comes after the failing call still happens, and the next change is still followed.
      await vi.waitFor(async () => expect(await fakeBrowser.action.getTitle({})).toBe('Hirebridge: 1 hired candidate waiting for export'));
      await db().candidates.update('ats:kombo:KC1', { exportedEmployeeId: '1' });
      await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe(''));
      expect(setIcon).toHaveBeenCalledTimes(2);
    } finally {
      stop();
      setIcon.mockRestore();
    }
  });
});

describe('pulled from the ATS', () => {
  const hiredApp = (id: string, first: string, last: string, job: string): HiredApplication => ({
    applicationId: `KA-${id}`,
    jobId: 'KJ1',
    jobName: job,
    candidate: { id, firstName: first, lastName: last, email: `${first}.${last}@example.com`.toLowerCase(), applications: [] },
  });

  beforeEach(async () => {
    await resetDbForTests();
    fakeBrowser.reset();
    fakes.listCalls = 0;
    fakes.employees = new Map([['marta.serrano@example.com', '101']]);
    fakes.hired = [[hiredApp('KC1', 'Lucas', 'Moreau', 'Product Manager')], [hiredApp('KC2', 'Marta', 'Serrano', 'Backend Engineer')]];
    const now = new Date().toISOString();
    const connection = { environment: 'custom' as const, baseUrl: 'http://127.0.0.1/x', keyHint: '0000', secretId: 's', connectedAt: now, lastCheckAt: now, lastCheckOk: true };
    await db().connections.bulkPut([
      { ...connection, slot: 'ats', provider: 'kombo', tool: 'greenhouse' },
      { ...connection, slot: 'hr', provider: 'factorial-hr' },
    ]);
  });

  it('follows every page, stores who is hired, and leaves out who is already an employee', async () => {
    const view = await refreshHiredCandidates({ force: true });
    expect(view).toMatchObject({ ok: true, pulled: 2, waiting: 1 });
    expect(fakes.listCalls).toBe(2);
    expect(await db().candidates.get('ats:kombo:KC1')).toMatchObject({ source: 'Greenhouse through Kombo', jobTitle: 'Product Manager', hired: true, data: { origin: 'ats', atsCandidateId: 'KC1' } });
    expect((await db().candidates.get('ats:kombo:KC2'))?.data.inFactorial).toEqual({ employeeUrl: 'https://app.factorialhr.com/employees/101', name: 'Marta Serrano' });
    expect(waitingGroups(await db().candidates.toArray()).map((g) => g.name)).toEqual(['Lucas Moreau']);

    // A moment later the popup opens again: the ATS is not asked twice.
    await refreshHiredCandidates();
    expect(fakes.listCalls).toBe(2);
  });

  it('someone no longer in the complete hired listing stops waiting', async () => {
    await refreshHiredCandidates({ force: true });
    fakes.hired = [[hiredApp('KC2', 'Marta', 'Serrano', 'Backend Engineer')]];
    await refreshHiredCandidates({ force: true });
    expect((await db().candidates.get('ats:kombo:KC1'))?.hired).toBe(false);
    expect(waitingGroups(await db().candidates.toArray())).toHaveLength(0);
  });

  it('keeps the ATS’s start date, or why there is none; the ATS wins over a page, and Export all says why', async () => {
    fakes.hired = [[
      { ...hiredApp('KC1', 'Lucas', 'Moreau', 'Product Manager'), startDate: '2027-01-04' },
      { ...hiredApp('KC3', 'Aisha', 'Khan', 'Account Executive'), startDateGap: 'no-start-date' },
      { ...hiredApp('KC4', 'Sofia', 'Almeida', 'Data Engineer'), startDateGap: 'no-accepted-offer' },
    ]];
    await db().candidates.put(record({ key: 'demo-ats:40112234', firstName: 'Lucas', lastName: 'Moreau', email: 'lucas.moreau@example.com', data: { kind: 'hire', origin: 'page', startDate: '2026-12-01' } }));
    await refreshHiredCandidates({ force: true });
    expect((await db().candidates.get('ats:kombo:KC3'))?.data.startDateGap).toEqual({ gap: 'no-start-date', tool: 'Greenhouse' });
    const groups = new Map(waitingGroups(await db().candidates.toArray()).map((g) => [g.name, g]));
    expect(groups.get('Lucas Moreau')).toMatchObject({ fields: { startDate: '2027-01-04' }, startDateNote: undefined });
    expect(groups.get('Aisha Khan')?.startDateNote).toBe('The accepted offer in Greenhouse has no start date.');
    const one = { legalEntities: [{ id: '11' }] };
    expect(assessForExport(groups.get('Aisha Khan')!, one, undefined)).toEqual({ group: groups.get('Aisha Khan'), reason: 'Missing start date. The accepted offer in Greenhouse has no start date.', missing: ['startDate'], lacks: ['startDate'] });
    expect(assessForExport(groups.get('Sofia Almeida')!, one, undefined)).toMatchObject({ reason: 'Missing start date. Greenhouse has no accepted offer for this hire, so it gives no start date.' });
    expect(assessForExport(groups.get('Lucas Moreau')!, one, undefined)).toMatchObject({ fields: { startDate: '2027-01-04' } });

    // The offer got its start date in the ATS: the next pull forgets why there was none.
    fakes.hired = [[{ ...hiredApp('KC3', 'Aisha', 'Khan', 'Account Executive'), startDate: '2027-02-01' }]];
    await refreshHiredCandidates({ force: true });
    const aisha = await db().candidates.get('ats:kombo:KC3');
    expect(aisha?.data).toMatchObject({ startDate: '2027-02-01' });
    expect(aisha?.data.startDateGap).toBeUndefined();
  });

  it('each finished job pull is followed by one hired pull', async () => {
    const stop = followJobPulls();
    try {
      await db().settings.put({ key: 'jobPull.last', value: { finishedAt: '2026-11-22T10:00:00.000Z', ok: true } });
      await vi.waitFor(() => expect(fakes.listCalls).toBe(2));
      await db().settings.put({ key: 'jobPull.last', value: { finishedAt: '2026-11-22T10:00:00.000Z', ok: true, counts: {} } });
      await new Promise((r) => setTimeout(r, 100));
      expect(fakes.listCalls).toBe(2);
      await db().settings.put({ key: 'jobPull.last', value: { finishedAt: '2026-11-22T13:00:00.000Z', ok: true } });
      await vi.waitFor(() => expect(fakes.listCalls).toBe(4));
    } finally {
      stop();
    }
  });
});

describe('Export all: what the recruiter gives once, and per person', () => {
  const [pulledOnly] = groupCandidates([pulled]);
  const two = { legalEntities: [{ id: '11' }, { id: '12' }] };

  it('a start date given for everyone fills only who lacks one; a person’s own answer wins', () => {
    const [lucas] = groupCandidates([pulled, captured]);
    expect(assessForExport(pulledOnly, two, '11', { startDate: '2027-03-01' })).toMatchObject({ fields: { startDate: '2027-03-01' }, lacks: ['startDate'] });
    expect(assessForExport(lucas, two, '11', { startDate: '2027-03-01' })).toMatchObject({ fields: { startDate: '2026-12-01' }, lacks: [] });
    expect(assessForExport(pulledOnly, two, '11', { startDate: '2027-03-01' }, { startDate: '2027-04-05' })).toMatchObject({ fields: { startDate: '2027-04-05' } });
    expect(assessForExport(pulledOnly, two, '11', {}, { legalEntityId: '12' })).toMatchObject({ reason: 'Missing start date.', missing: ['startDate'] });
    expect(assessForExport(pulledOnly, two, '11', { startDate: '2027-03-01' }, { legalEntityId: '12' })).toMatchObject({ fields: { legalEntityId: '12' } });
  });

  it('team and location for everyone; a bad date for everyone is the form’s own message, nothing is sent', () => {
    expect(assessForExport(pulledOnly, two, '11', { startDate: '2027-03-01', teamId: '7', locationId: '9' })).toMatchObject({ fields: { teamId: '7', locationId: '9' } });
    expect(assessForExport(pulledOnly, two, '11', { startDate: '2027-02-30' })).toMatchObject({ reason: 'Start date: This date does not exist.', missing: [] });
  });
});
