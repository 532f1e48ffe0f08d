/**
 * Copies a reference number. When the clipboard is blocked (plain http, permissions),
 * selects the text instead so the person can copy it by hand. Returns whether it copied.
 */
export async function copyText(text: string, fallbackNode?: Node | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (fallbackNode) getSelection()?.selectAllChildren(fallbackNode);
    return false;
  }
}
