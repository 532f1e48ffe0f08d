/**
 * `npm run notify:check`: checks the notification settings (environment and the
 * association's templates, as the server does at start) and prints what each SMS costs.
 *   SILA_CONFIG=./association.json npm run notify:check
 */
import { ConfigError, loadAssociationConfig, readServerConfig } from '../config.js';
import { loadTemplates, readNotifyConfig } from './config.js';
import { smsSegmentTable } from './sms-costs.js';

function main(): void {
  const server = readServerConfig();
  const formConfig = loadAssociationConfig(server.configPath);
  const notify = readNotifyConfig();
  const templates = loadTemplates(server.configPath);
  console.log(notify.summary);
  console.log(
    notify.statusPageUrl
      ? `Follow-up links: ${notify.statusPageUrl}?ref=…`
      : 'Follow-up links: none (set SILA_STATUS_PAGE_URL)',
  );
  console.log(`Templates: ${server.configPath} (defaults where it has none) — valid`);
  console.log('SMS per event (sample values; Arabic is UCS-2: 70 characters, or 67 a part when split):');
  for (const line of smsSegmentTable(templates, formConfig.association.name, notify.statusPageUrl)) {
    const note = line.plusNote
      ? ` + the note (about one more part per ${line.encoding === 'UCS-2' ? 67 : 153} characters)`
      : '';
    console.log(
      `  ${line.event.padEnd(10)} ${line.locale}  ${line.encoding}  ${String(line.characters).padStart(3)} characters  ${line.segments} part${line.segments === 1 ? '' : 's'}${note}`,
    );
  }
}

try {
  main();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`Sila notifications: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
