// The conditions every page is measured under (bench/run.mjs), and their names in the report.
/**
 * The conditions each page is loaded under: normal CPU, 4× slower CPU (a low-end phone),
 * and a slow mobile network at normal CPU (Lighthouse's "slow 4G": 150 ms round trip,
 * 1.6 Mbps down, 750 kbps up), where a file's bytes and its requests cost time.
 */
export const CELLS = [
  { key: '1', cpu: 1, label: 'normal CPU' },
  { key: '4', cpu: 4, label: '4× CPU' },
  {
    key: 'net',
    cpu: 1,
    label: '150 ms RTT, 1.6 Mbps',
    network: { latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 },
  },
];
