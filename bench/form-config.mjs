// The static answer to GET /v1/form-config: Sila's own defaults, read from src/ so it
// cannot drift from the contract (the reference server answers the same shape).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { ROOT } from './paths.mjs';

export function writeFormConfig(file) {
  const source = pathToFileURL(join(ROOT, 'src/contract/form-config.ts')).href;
  const json = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `import { DEFAULT_FORM_CONFIG } from '${source}'; process.stdout.write(JSON.stringify(DEFAULT_FORM_CONFIG));`,
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  writeFileSync(file, json);
}
