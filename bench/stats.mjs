// Order statistics for a list of run results.
export function quantile(values, q) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.min(low + 1, sorted.length - 1)] - sorted[low]) * (at - low);
}

export const median = (values) => quantile(values, 0.5);

/** Median of each numeric field over the runs, with the interquartile range of `ready`. */
export function summarize(runs) {
  const pick = (key) => runs.map((run) => run[key]);
  return {
    runs: runs.length,
    ready: median(pick('ready')),
    readyP25: quantile(pick('ready'), 0.25),
    readyP75: quantile(pick('ready'), 0.75),
    fcp: median(pick('fcp')),
    heap: median(pick('heap')),
    longTasks: median(pick('longTasks')),
    longTaskMs: median(pick('longTaskMs')),
    maxLongTasks: Math.max(...pick('longTasks')),
  };
}
