// What activities need from the outside world, injected by src/worker.ts (and by tests).
import type { Transporter } from 'nodemailer';
import type { Db } from '../src/db';
import type { ReplyAddressSettings } from '../src/stores/reply-token';
import type { WorkflowStarter } from '../src/temporal/start-once';

export interface ActivityDeps {
  db: Db;
  mailer: Transporter;
  /** The wall clock, injected so tests and replays can pin it. */
  clock: () => Date;
  /** Base URL of the web app, for links in emails. */
  publicUrl: string;
  mailFrom: string;
  /**
   * Keys of the agencies' signed links (HBC_LINK_KEYS; the first signs). src/main.ts passes
   * the configuration's; absent (tests, tools): the development key, which production refuses.
   */
  linkKeys?: readonly string[];
  /** Where agencies reply (HBC_REPLY_DOMAIN, HBC_REPLY_LOCAL_PART); absent: DEVELOPMENT_REPLY_ADDRESS. */
  replies?: ReplyAddressSettings;
  /**
   * For activities that start or signal workflows: the obligation workflow's periods, and
   * every ladder step, which wakes its recipient's daily digest. Production always has one,
   * and so does every test, so tests take the path production takes.
   */
  temporal: WorkflowStarter;
}

export type { WorkflowStarter } from '../src/temporal/start-once';
