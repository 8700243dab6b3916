/**
 * Kombo names the ATS behind an integration by a lowercase tool id (the integration id's prefix, e.g.
 * `greenhouse:8d1h…`). People read the ATS's own name: one place turns the id into it.
 */
const TOOL_NAMES: Record<string, string> = {
  greenhouse: 'Greenhouse',
  lever: 'Lever',
  ashby: 'Ashby',
  workable: 'Workable',
  teamtailor: 'Teamtailor',
  smartrecruiters: 'SmartRecruiters',
  recruitee: 'Recruitee',
  factorial: 'Factorial',
  personio: 'Personio',
  bamboohr: 'BambooHR',
};

/** `greenhouse` → `Greenhouse`; an id we do not know yet gets a capital first letter rather than being hidden. */
export function komboToolName(tool: string): string {
  const id = tool.trim().toLowerCase();
  return TOOL_NAMES[id] ?? (id ? id.charAt(0).toUpperCase() + id.slice(1) : '');
}
