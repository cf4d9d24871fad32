// What other modules may use of notices: the background worker (planner and sender of reminders) and a
// wake-up for the sender. Its routes are registered from src/modules/index.ts.
import type { BackgroundService } from '../startup.ts';
import { stageWork } from './notices.work.ts';
import { startNoticeWorker } from './notices.worker.ts';

/** Started with the server (src/modules/startup.ts): plans reminders and digests, sends what is due. */
// NOTICES_WORKER=false: an instance that neither plans nor sends (another instance does; tools and tests that
// need a server whose database nothing writes on its own).
export const noticeWorkerService: BackgroundService = (deps, log) =>
  deps.config.notices.worker ? startNoticeWorker(deps, stageWork, log) : null;

export { wakeNoticeSender } from './notices.worker.ts';
