/** Match patterns the manifest declares up front. Anything else is requested at run time. */
export const VENDOR_API_HOSTS = [
  'https://api.factorialhr.com/*',
  'https://api.eu2.demo.factorial.dev/*',
  'https://api.kombo.dev/*',
  'https://api.us.kombo.dev/*',
] as const;

export const BUILT_IN_ATS_HOSTS = [
  'https://app.greenhouse.io/*',
  'https://app2.greenhouse.io/*',
  'https://app3.greenhouse.io/*',
  'https://app4.greenhouse.io/*',
  'https://app5.greenhouse.io/*',
  'https://app6.greenhouse.io/*',
  'https://hire.lever.co/*',
  'https://app.ashbyhq.com/*',
  'https://*.workable.com/*',
  'https://*.teamtailor.com/*',
  'https://www.smartrecruiters.com/*',
  'https://*.recruitee.com/*',
  'https://app.screenloop.com/*',
  'https://app.factorialhr.com/*',
] as const;

/**
 * The optional host permission that covers a base URL. Match patterns ignore ports, so one grant covers a host.
 */
export function originPattern(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.protocol}//${url.hostname}/*`;
}
