// svelte-check must pass App.svelte and reject each wrong attribute value in Wrong.svelte
// (Svelte markup has no @ts-expect-error).
import { spawnSync } from 'node:child_process';

const result = spawnSync('npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--output', 'machine'], {
  encoding: 'utf8',
});
const errors = result.stdout.split('\n').filter((line) => / ERROR /.test(line));
const outside = errors.filter((line) => !line.includes('src/Wrong.svelte'));
const rejected = new Set(
  errors.filter((line) => line.includes('src/Wrong.svelte')).map((line) => line.split(' ')[3].split(':')[0]),
);
console.log(errors.join('\n'));
if (outside.length > 0 || !rejected.has('3') || !rejected.has('4')) {
  console.error(`expected errors on lines 3 and 4 of src/Wrong.svelte only; got ${errors.length}`);
  process.exit(1);
}
console.log('svelte-check: App.svelte passes; scale="bogus" and display="numbers" are rejected');
