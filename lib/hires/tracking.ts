import { komboCanImportTracking } from '../connectors/kombo/tracking';

/**
 * Kombo's "Only Sync Created Applications" (on by default: "you will initially receive an empty array") hides every
 * application not created through Kombo, so people hired in the ATS never reach the hired list or Export all.
 * Kombo's API does not say whether the setting is on (no field for it in its spec), so the sign is Kombo's hired
 * listing coming back with nobody: the popup then says why that may be and what to do, as the Export dialog does
 * for one candidate it cannot find. `canImport`: the ATS lets Kombo import an application into its tracking (the
 * Export dialog on that candidate's page offers it).
 */
export interface TrackingHint {
  tool: string;
  canImport: boolean;
}

export function komboTrackingHint(
  ats: { provider: string; tool?: string; toolName?: string } | undefined,
  hiredPull: { ok: boolean; pulled: number } | undefined,
): TrackingHint | null {
  if (ats?.provider !== 'kombo' || !hiredPull?.ok || hiredPull.pulled > 0) return null;
  return { tool: ats.toolName ?? ats.tool ?? 'ATS', canImport: komboCanImportTracking(ats.tool) };
}
