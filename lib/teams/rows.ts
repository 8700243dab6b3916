import { z } from 'zod';
import { storedRow } from '../db/rows';
import { FileActiveJobs, PolicyJobs, PolicyReport, TeamSetupStatus } from './schema';

/** The team setup's rows in the settings table, each read back through its schema. */
export const teamStatusRow = storedRow('team.setup', TeamSetupStatus);
export const policyJobsRow = storedRow('team.policyJobs', PolicyJobs.nullable());
export const policyReportRow = storedRow('team.policyReport', PolicyReport);
export const fileActiveJobsRow = storedRow('team.activeJobs', FileActiveJobs.nullable());
/** A digest of each policy connection last applied, so an unchanged one is not verified again at every start. */
export const policyFingerprintsRow = storedRow('team.policyFingerprints', z.partialRecord(z.enum(['hr', 'ats']), z.string()));
