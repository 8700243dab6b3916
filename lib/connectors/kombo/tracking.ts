import type { SiteApplicationIds, TrackingImportPlan } from '../types';

/**
 * POST /ats/import-tracked-application names the tool and how it identifies the application (`id_type`); Kombo
 * defines those per ATS (its OpenAPI file and SDK list these). Other tools cannot import: the admin has to switch
 * off "Only Sync Created Applications" instead.
 */
type PageId = keyof SiteApplicationIds;
const ID_TYPES: Record<string, { idType: string; ids: Record<string, PageId> }> = {
  greenhouse: { idType: 'application_id', ids: { application_id: 'applicationRemoteId' } },
  greenhousev3: { idType: 'application_id', ids: { application_id: 'applicationRemoteId' } },
  onlyfy: { idType: 'application_id', ids: { application_id: 'applicationRemoteId' } },
  successfactors: { idType: 'application_remote_id', ids: { application_remote_id: 'applicationRemoteId' } },
  // A Recruitee "placement" is a candidate's application to one job.
  recruitee: { idType: 'placement_id', ids: { placement_id: 'applicationRemoteId' } },
  smartrecruiters: { idType: 'candidate_and_job_remote_ids', ids: { candidate_remote_id: 'candidateRemoteId', job_remote_id: 'jobRemoteId' } },
  erecruiter: { idType: 'application_and_candidate_remote_ids', ids: { candidate_remote_id: 'candidateRemoteId', application_remote_id: 'applicationRemoteId' } },
};

export function trackingImportPlan(tool: string, ids: SiteApplicationIds): TrackingImportPlan {
  const spec = ID_TYPES[tool];
  if (!spec) return { possible: false, reason: 'unsupported' };
  for (const needed of Object.values(spec.ids)) {
    if (ids[needed]) continue;
    return { possible: false, reason: needed === 'jobRemoteId' ? 'needs-job-id' : 'needs-application-id' };
  }
  return { possible: true };
}

/** The request body; call only when the plan says it is possible. */
export function trackingImportBody(tool: string, ids: SiteApplicationIds, trackedAt: Date): Record<string, unknown> {
  const spec = ID_TYPES[tool]!;
  const named = Object.fromEntries(Object.entries(spec.ids).map(([field, from]) => [field, ids[from]]));
  return { tracked_at: trackedAt.toISOString(), [tool]: { id_type: spec.idType, ...named } };
}

/** Can Kombo import this tool's applications into its tracking at all (whatever the page gives)? */
export function komboCanImportTracking(tool: string | undefined): boolean {
  return !!tool && tool in ID_TYPES;
}
