/** Match patterns the manifest declares up front. Anything else is requested at run time. */
export const VENDOR_API_HOSTS = [
  'https://api.factorialhr.com/*',
  'https://api.eu2.demo.factorial.dev/*',
  'https://api.kombo.dev/*',
  'https://api.us.kombo.dev/*',
] as const;

/** The ATS hosts, declared by each site where it says where it runs (lib/sites/where/<id>.ts). */
export { BUILT_IN_ATS_HOSTS } from './sites/where';

/**
 * The optional host permission that covers a base URL. Match patterns ignore ports, so one grant covers a host.
 */
export function originPattern(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.protocol}//${url.hostname}/*`;
}
