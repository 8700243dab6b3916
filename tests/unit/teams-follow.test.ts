import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * The organisation's policy, followed by lib/teams: read, applied (connections, recipes' hosts, a new ATS's jobs,
 * the team's active jobs), one run at a time; the options page waits only while a read policy is being applied.
 * And the team's admin rule in front of every admin intent.
 */

const calls: string[] = [];
const gate = () => {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
};

vi.mock('@/lib/settings', () => ({ readPolicy: vi.fn(async () => (calls.push('read'), { policy: { connections: {} }, fromStore: true })) }));
vi.mock('@/lib/settings/disabled-adapters', () => ({ reloadDisabledAdapters: vi.fn(async () => void calls.push('reloadAdapters')) }));
vi.mock('@/lib/teams/policy', () => ({ applyManagedPolicy: vi.fn(async () => (calls.push('apply'), { applied: [] as string[] })) }));
vi.mock('@/lib/recipes/registration', () => ({ syncGrantedHostScripts: vi.fn(async () => (calls.push('hosts'), [])) }));
vi.mock('@/lib/jobs', () => ({ runJobPull: vi.fn(async () => void calls.push('pull')) }));
vi.mock('@/lib/jobs/handlers', () => ({ afterJobPullAlarm: vi.fn() }));
vi.mock('@/lib/security', () => ({ requireAdmin: vi.fn(async () => void calls.push('passphrase')) }));
vi.mock('@/lib/teams/service', () => ({
  applyTeamActiveJobs: vi.fn(async () => void calls.push('teamJobs')),
  teamSetupStatus: vi.fn(async () => (calls.push('status'), { role: 'admin' })),
  refuseOnRecruiterBrowser: vi.fn(async () => void calls.push('recruiter?')),
  importTeamSetupAsAsked: vi.fn(async () => (calls.push('import'), { connections: 1 })),
  exportTeamSetup: vi.fn(),
}));
vi.mock('@/lib/activity', () => ({
  logFailure: vi.fn((kind: string, task: string) => async (error: unknown) => void calls.push(`log ${kind}/${task}: ${String(error)}`)),
}));

const { followPolicy, policyApplied } = await import('@/lib/teams/follow');
const { requireAdminHere, startTeams, teamHandlers } = await import('@/lib/teams/handlers');
const { applyManagedPolicy } = await import('@/lib/teams/policy');
const { runJobPull } = await import('@/lib/jobs');
const { afterJobPullAlarm } = await import('@/lib/jobs/handlers');
const { applyTeamActiveJobs, refuseOnRecruiterBrowser } = await import('@/lib/teams/service');
const { requireAdmin } = await import('@/lib/security');

const page = { sender: 'extension-page' as const };

beforeEach(() => {
  calls.length = 0;
  fakeBrowser.reset();
});

describe('following the organisation’s policy', () => {
  it('applies what it read, then the hosts its recipes teach, then the team’s active jobs; no pull without a new ATS', async () => {
    await followPolicy();
    expect(calls).toEqual(['read', 'apply', 'hosts', 'teamJobs']);
  });

  it('a newly deployed ATS gets its jobs before the team’s are activated; a failed pull does not stop them', async () => {
    vi.mocked(applyManagedPolicy).mockImplementationOnce(async () => (calls.push('apply'), { applied: ['ats'] }) as never);
    await followPolicy();
    expect(calls).toEqual(['read', 'apply', 'hosts', 'pull', 'teamJobs']);

    calls.length = 0;
    vi.mocked(applyManagedPolicy).mockImplementationOnce(async () => (calls.push('apply'), { applied: ['hr', 'ats'] }) as never);
    vi.mocked(runJobPull).mockRejectedValueOnce(new Error('ATS down'));
    await followPolicy();
    expect(calls).toEqual(['read', 'apply', 'hosts', 'teamJobs']);
  });

  it('one run at a time, and a failed run is logged without stopping the next', async () => {
    const held = gate();
    vi.mocked(applyManagedPolicy).mockImplementationOnce(async () => (calls.push('apply (held)'), await held.promise, { applied: [] }) as never);
    vi.mocked(applyManagedPolicy).mockRejectedValueOnce(new Error('bad policy'));
    const first = followPolicy();
    const second = followPolicy();
    const third = followPolicy();
    await vi.waitFor(() => expect(calls).toContain('apply (held)'));
    expect(calls).toEqual(['read', 'apply (held)']);
    held.open();
    await Promise.all([first, second, third]);
    expect(calls).toEqual([
      'read',
      'apply (held)',
      'hosts',
      'teamJobs',
      'read',
      'log connection/policy: Error: bad policy',
      'read',
      'apply',
      'hosts',
      'teamJobs',
    ]);
  });

  it('the options page’s team status waits while a read policy is being applied', async () => {
    const held = gate();
    vi.mocked(applyManagedPolicy).mockImplementationOnce(async () => (await held.promise, { applied: [] }) as never);
    const run = followPolicy();
    await vi.waitFor(() => expect(calls).toEqual(['read']));
    const status = teamHandlers.teamSetupStatus(undefined, page);
    let answered = false;
    void status.then(() => (answered = true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(answered).toBe(false);
    held.open();
    await expect(status).resolves.toMatchObject({ role: 'admin' });
    await run;
    await expect(policyApplied()).resolves.toBeUndefined();
  });

  it('a change of the managed store and a new permission each read the policy again; a pull alarm keeps the team’s jobs', async () => {
    const permissionListeners: (() => void)[] = [];
    Object.assign(fakeBrowser.permissions, { onAdded: { addListener: (listener: () => void) => permissionListeners.push(listener) } });
    startTeams();
    await vi.waitFor(() => expect(calls).toEqual(['read', 'apply', 'hosts', 'teamJobs']));
    calls.length = 0;
    await fakeBrowser.storage.onChanged.trigger({}, 'local');
    await fakeBrowser.storage.onChanged.trigger({}, 'managed');
    await vi.waitFor(() => expect(calls).toEqual(['read', 'apply', 'hosts', 'teamJobs']));
    calls.length = 0;
    permissionListeners.forEach((listener) => listener());
    await vi.waitFor(() => expect(calls).toEqual(['read', 'apply', 'hosts', 'teamJobs']));
    const [follow] = vi.mocked(afterJobPullAlarm).mock.calls[0];
    calls.length = 0;
    vi.mocked(applyTeamActiveJobs).mockRejectedValueOnce(new Error('no jobs table'));
    await follow();
    expect(calls).toEqual(['log job-pull/teamJobs: Error: no jobs table']);
  });
});

describe('the team’s handlers and admin rule', () => {
  it('importing a team file re-reads the switched-off adapters and the hosts its recipes teach', async () => {
    await expect(teamHandlers.importTeamSetup({ text: '{}', passphrase: 'x' }, page)).resolves.toEqual({ connections: 1 });
    expect(calls).toEqual(['import', 'reloadAdapters', 'hosts']);
  });

  it('an admin intent is refused on a recruiter’s browser before the passphrase is even asked', async () => {
    await requireAdminHere('connect');
    expect(calls).toEqual(['recruiter?', 'passphrase']);
    expect(refuseOnRecruiterBrowser).toHaveBeenLastCalledWith('connect');
    calls.length = 0;
    vi.mocked(refuseOnRecruiterBrowser).mockRejectedValueOnce(new Error('recruiter'));
    await expect(requireAdminHere('setPassphrase')).rejects.toThrow('recruiter');
    expect(requireAdmin).toHaveBeenCalledTimes(1);
  });
});
