// What the server has stored, read through the staff API (GET /v1/staff/stats).
export async function storedCounts(url, adminToken) {
  const response = await fetch(`${url}/v1/staff/stats`, { headers: { authorization: `Bearer ${adminToken}` } });
  if (!response.ok) throw new Error(`GET /v1/staff/stats: HTTP ${response.status}`);
  const stats = await response.json();
  return { complaints: stats.byKind.complaint ?? 0, ratings: stats.ratings.csat.count };
}
