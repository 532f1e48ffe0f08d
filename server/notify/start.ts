/** What main.ts calls: read and check the notification settings early, start the sender later. */
import type { FormConfig } from '../../src/contract/form-config.js';
import type { Queryable } from '../db/database.js';
import { loadTemplates, readNotifyConfig } from './config.js';
import { Sender } from './sender.js';

export interface Notifications {
  /** One line for the start-up log. */
  summary: string;
  start(db: Queryable, formConfig: FormConfig): Sender;
}

/** Throws ConfigError on a bad variable or template, before anything is opened. */
export function prepareNotifications(configPath: string, env: NodeJS.ProcessEnv = process.env): Notifications {
  const config = readNotifyConfig(env);
  const templates = loadTemplates(configPath);
  return {
    summary: config.summary,
    start(db, formConfig) {
      const sender = new Sender({
        db,
        config,
        templates,
        formConfig,
        warn: (line) => console.error(JSON.stringify(line)),
      });
      sender.start();
      return sender;
    },
  };
}
