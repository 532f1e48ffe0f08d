/**
 * Links from the backend's form-config (e.g. the privacy notice) are data, not code:
 * only http(s) and relative URLs become links; `javascript:`, `data:` and other schemes
 * are dropped, since Lit escapes text but does not check URLs in attributes.
 */
export function safeLinkUrl(url: string | undefined): string | undefined {
  const trimmed = url?.trim();
  if (!trimmed) return undefined;
  try {
    const parsed = new URL(trimmed, 'https://relative.invalid/');
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? trimmed : undefined;
  } catch {
    return undefined;
  }
}
