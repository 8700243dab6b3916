import { z } from 'zod/mini';
import { intent, type IntentSpec } from '../messaging/intent';
import type { ImportSummary, TeamSetupStatus } from './schema';

/** Team setup file (options page): export is an admin action; import is how a recruiter's browser is set up. */
export const ExportTeamSetupInput = z.strictObject({ passphrase: z.optional(z.string().check(z.maxLength(1000))) });
/** A setup file is a few KB; 2 MB leaves room for thousands of active job ids. */
export const ImportTeamSetupInput = z.strictObject({
  text: z.string().check(z.maxLength(2_000_000)),
  passphrase: z.optional(z.string().check(z.maxLength(1000))),
});

export const teamIntents = {
  teamSetupStatus: intent<TeamSetupStatus>()({ input: z.undefined(), from: ['extension-page'] }),
  exportTeamSetup: intent<{ fileName: string; text: string }>()({ input: ExportTeamSetupInput, from: ['extension-page'], admin: true }),
  // Not `admin`: a recruiter's browser re-imports a newer file; on an admin's browser the handler asks for the passphrase.
  importTeamSetup: intent<ImportSummary>()({ input: ImportTeamSetupInput, from: ['extension-page'] }),
} as const satisfies Record<string, IntentSpec>;

type TeamIntents = typeof teamIntents;
declare module '../messaging/protocol' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface IntentRegistry extends TeamIntents {}
}
