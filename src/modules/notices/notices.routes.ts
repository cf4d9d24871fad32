// Notices (issue 11 §3): each person's own notices (in-app beside e-mail) and reminders sent to chosen
// agencies by NACC or a supervisor.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZMarkedRead,
  ZNoticeId,
  ZNoticeList,
  ZNoticeListQuery,
  ZSendReminderBody,
  ZSendReminderResult,
  ZUnreadCount,
} from './notices.schema.ts';
import {
  listNotices,
  markAllNoticesRead,
  markNoticeRead,
  sendReminder,
  unreadCount,
} from './notices.service.ts';
import { stageWork } from './notices.work.ts';

const tags = ['notices'];
const own = 'Every signed-in user, for their own notices only.';

export const noticesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/notices',
    {
      schema: {
        tags,
        summary: 'My notices (reminders and digests delivered to me), newest first',
        description: `${own} Each notice carries why it was sent: the rule, the stage, its deadline and the facts (what was not done). \`unread=true\` lists the unread ones.`,
        security: [{ session: [] }],
        querystring: ZNoticeListQuery,
        response: { 200: ZNoticeList },
      },
    },
    async (req) => listNotices(app.deps, req.actor, req.query),
  );

  app.get(
    '/notices/unread-count',
    {
      schema: {
        tags,
        summary: 'How many of my notices are unread (the bell)',
        description: own,
        security: [{ session: [] }],
        response: { 200: ZUnreadCount },
      },
    },
    async (req) => unreadCount(app.deps, req.actor),
  );

  app.post(
    '/notices/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one of my notices read',
        description: `${own} Another person's notice: 403; an unknown one: 404 \`notice_not_found\`.`,
        security: [{ session: [] }],
        params: ZNoticeId,
        response: { 200: ZMarkedRead },
      },
    },
    async (req) => markNoticeRead(app.deps, req.actor, req.params.id),
  );

  app.post(
    '/notices/read-all',
    {
      schema: {
        tags,
        summary: 'Mark all my notices read',
        description: own,
        security: [{ session: [] }],
        response: { 200: ZMarkedRead },
      },
    },
    async (req) => markAllNoticesRead(app.deps, req.actor),
  );

  app.post(
    '/notices/reminders',
    {
      schema: {
        tags,
        summary: 'Remind chosen agencies of a stage’s outstanding work (or preview who would get what)',
        description:
          'NACC admins for any agency; supervisors only for agencies in their scope (one outside it: 403, ' +
          'nothing queued). Each agency whose own work of the stage is not done gets one notice per admin and ' +
          'executive — at most one a day per person, agency and stage, whoever sends it (`already_sent`). ' +
          'Agencies not taking part, with the work done, or without recipients are listed with `skipped`. ' +
          'With `dryRun: true` nothing is queued (the preview). Queued reminders go at once, or after quiet ' +
          'hours (20:00–08:00 Bangkok: `sendsAt`), and are checked again just before (none after the work ' +
          'is done). Audited per agency.',
        security: [{ session: [] }],
        body: ZSendReminderBody,
        response: { 200: ZSendReminderResult },
      },
    },
    async (req) => sendReminder(app.deps, req.actor, req.body, stageWork),
  );
};
