import { z } from 'zod/mini';
import { storedRow } from '../db/rows';
import { FileActiveJobs, PolicyJobs, PolicyReport, TeamSetupStatus } from './schema';

/** The team setup's rows in the settings table, each read back through its schema. */
export const teamStatusRow = storedRow('team.setup', TeamSetupStatus);
export const policyJobsRow = storedRow('team.policyJobs', z.nullable(PolicyJobs));
export const policyReportRow = storedRow('team.policyReport', PolicyReport);
export const fileActiveJobsRow = storedRow('team.activeJobs', z.nullable(FileActiveJobs));
/** A digest of each policy connection last applied, so an unchanged one is not verified again at every start. */
export const policyFingerprintsRow = storedRow('team.policyFingerprints', z.partialRecord(z.enum(['hr', 'ats']), z.string()));
