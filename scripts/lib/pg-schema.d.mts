export function freshSchema(
  databaseUrl: string,
  prefix?: string,
): Promise<{ schema: string; url: string; drop: () => Promise<void> }>;
