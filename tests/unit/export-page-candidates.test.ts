import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageCandidate, PageCandidateStatus } from '@/lib/export/intents';

/**
 * The `pageCandidatesStatus` intent, step by step: Export says where each candidate stands; then automatic sync
 * looks at the page's stages (nobody waits for it) and the hired list keeps the hired people for the popup. A
 * failure of either is logged and the page still gets Export's statuses.
 */

const calls: string[] = [];
vi.mock('@/lib/export/service', () => ({
  pageCandidatesStatus: vi.fn(async (_adapterId: string, candidates: PageCandidate[]) => {
    calls.push('export');
    return candidates.map((c): PageCandidateStatus => ({ siteCandidateId: c.siteCandidateId, state: 'exportable' }));
  }),
  registerExportOperations: vi.fn(),
}));
vi.mock('@/lib/sourcing/service', () => ({
  autoSyncSeenCandidates: vi.fn(async () => void calls.push('autoSync')),
  registerSourcingOperations: vi.fn(),
}));
vi.mock('@/lib/hires/capture', () => ({
  capturePageCandidates: vi.fn(async (_adapterId: string, _candidates: PageCandidate[], statuses: PageCandidateStatus[]) => {
    calls.push('capture');
    return statuses.map((s) => ({ ...s, state: 'exported' as const }));
  }),
}));
vi.mock('@/lib/hires/bulk', () => ({ followExportRuns: vi.fn(), planBulkExport: vi.fn(), startBulkExport: vi.fn(), dismissBulkExport: vi.fn() }));
vi.mock('@/lib/hires/pull', () => ({ followJobPulls: vi.fn(), refreshHiredCandidates: vi.fn() }));
vi.mock('@/lib/hires/badge', () => ({ followBadge: vi.fn() }));
vi.mock('@/lib/activity', () => ({
  logFailure: vi.fn((kind: string, task: string) => async (error: unknown) => void calls.push(`log ${kind}/${task}: ${String(error)}`)),
}));

const { answerPageCandidates, followPageCandidates } = await import('@/lib/export/page-candidates');
const { startSourcing } = await import('@/lib/sourcing/handlers');
const { startHiredList } = await import('@/lib/hires/handlers');
const { exportHandlers } = await import('@/lib/export/handlers');
const { autoSyncSeenCandidates } = await import('@/lib/sourcing/service');
const { capturePageCandidates } = await import('@/lib/hires/capture');

const candidates: PageCandidate[] = [{ siteCandidateId: '40112234', fullName: 'Ana Ruiz', stage: 'Hired' }];
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('followers of the candidates a page shows', () => {
  beforeEach(() => void (calls.length = 0));

  it('run in the order registered, each getting the statuses the one before returned', async () => {
    const stopFirst = followPageCandidates(async (_a, _c, statuses) => (calls.push('first'), statuses.map((s) => ({ ...s, reason: 'first' }))));
    const stopSecond = followPageCandidates(async (_a, _c, statuses) => (calls.push(`second saw ${statuses[0].reason}`), statuses));
    try {
      expect(await answerPageCandidates('greenhouse', candidates)).toEqual([{ siteCandidateId: '40112234', state: 'exportable', reason: 'first' }]);
      expect(calls).toEqual(['export', 'first', 'second saw first']);
    } finally {
      stopFirst();
      stopSecond();
    }
    calls.length = 0;
    await answerPageCandidates('greenhouse', candidates);
    expect(calls).toEqual(['export']);
  });
});

describe('the worker’s pageCandidatesStatus, as the features wire it at start', () => {
  beforeAll(() => {
    startSourcing();
    startHiredList();
  });
  beforeEach(() => {
    calls.length = 0;
    vi.mocked(autoSyncSeenCandidates).mockClear();
  });

  it('Export’s statuses, then automatic sync, then the hired list, whose answer the page gets', async () => {
    const answer = await exportHandlers.pageCandidatesStatus({ adapterId: 'greenhouse', candidates }, { sender: 'content-script' });
    expect(answer).toEqual([{ siteCandidateId: '40112234', state: 'exported' }]);
    expect(calls).toEqual(['export', 'autoSync', 'capture']);
    expect(autoSyncSeenCandidates).toHaveBeenCalledWith('greenhouse', candidates);
  });

  it('automatic sync is not waited for, and its failure is logged, never the page’s', async () => {
    vi.mocked(autoSyncSeenCandidates).mockImplementationOnce(() => new Promise((_resolve, reject) => setTimeout(() => reject(new Error('sync broke')), 0)));
    const answer = await exportHandlers.pageCandidatesStatus({ adapterId: 'greenhouse', candidates }, { sender: 'content-script' });
    expect(answer).toEqual([{ siteCandidateId: '40112234', state: 'exported' }]);
    await flush();
    expect(calls).toEqual(['export', 'capture', 'log sync/autoSync: Error: sync broke']);
  });

  it('when the hired list cannot keep them, the failure is logged and the page gets Export’s statuses', async () => {
    vi.mocked(capturePageCandidates).mockRejectedValueOnce(new Error('database gone'));
    const answer = await exportHandlers.pageCandidatesStatus({ adapterId: 'greenhouse', candidates }, { sender: 'content-script' });
    expect(answer).toEqual([{ siteCandidateId: '40112234', state: 'exportable' }]);
    expect(calls).toEqual(['export', 'autoSync', 'log export/pageCapture: Error: database gone']);
  });
});
