import { originPattern } from '../hosts';

/** Host access for a base URL: vendors' hosts are declared in the manifest; custom ones are granted at run time. */
export async function hasOriginPermission(baseUrl: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [originPattern(baseUrl)] });
  } catch {
    return false;
  }
}
