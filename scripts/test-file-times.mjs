// A node:test reporter: seconds per test file, slowest first. With --test-concurrency=1
// the files run one after the other, so a file's time runs from the previous file's last
// event to its own last one: its process start-up (tsx, imports, databases) included
// (and the end of the file before, after its last test: closing its databases).
export default async function* fileTimes(source) {
  const began = Date.now();
  const last = new Map();
  for await (const event of source) {
    const file = event.data?.file;
    // Suites declared in a shared helper (describeEachDatabase) report the helper's path.
    if (file && /\.test\.[cm]?[jt]s$/.test(file)) last.set(file, Date.now());
  }
  let previous = began;
  const rows = [...last]
    .sort((a, b) => a[1] - b[1])
    .map(([file, end]) => {
      const seconds = (end - previous) / 1000;
      previous = end;
      return { file: file.replace(/^.*?\/(test\/)/, '$1'), seconds };
    })
    .sort((a, b) => b.seconds - a.seconds);
  yield rows.map(({ file, seconds }) => `${seconds.toFixed(1).padStart(7)} s  ${file}\n`).join('');
}
