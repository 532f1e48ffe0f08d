/**
 * "محمد عبدالله" → "م*** ع***": enough for someone to recognise their own request in a
 * status lookup, nothing more. Counts code points, not UTF-16 units.
 */
export function maskName(name: string | undefined): string | undefined {
  const words = name?.trim().split(/\s+/u).filter(Boolean) ?? [];
  if (words.length === 0) return undefined;
  return words
    .slice(0, 4)
    .map((word) => `${Array.from(word)[0]}***`)
    .join(' ');
}
