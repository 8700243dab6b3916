export { exportTeamSetup, importTeamSetup, importTeamSetupAsAsked, parseTeamSetup, teamSetupStatus, refuseOnRecruiterBrowser, applyTeamActiveJobs } from './service';
export { sealWithPassphrase, openWithPassphrase } from './crypto';
export { SETUP_FORMAT, SETUP_VERSION, TeamSetupFile, type ImportSummary, type TeamSetupStatus } from './schema';
export { applyManagedPolicy, readPolicyReport, type PolicyReport } from './policy';
