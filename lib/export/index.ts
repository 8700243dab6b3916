export { pageCandidatesStatus, prepareExport, importTrackedApplication, submitExport, exportProgress, candidateKey, completeDraft, queueExport, toProgress } from './service';
export { registerExportOperations } from './service';
export { factorialLookups, forgetLookups } from './lookups';
export { employeeInFactorial, type InFactorial } from './in-factorial';
export { atsName, startDateNote } from './notes';
