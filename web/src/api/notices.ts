// The signed-in person's notices (reminders and digests, in-app beside e-mail) and the reminders NACC and
// supervisors send to chosen agencies.
import type {
  Notice,
  NoticeList,
  SendReminderBody,
  SendReminderResult,
} from '@server/modules/notices/notices.schema.ts';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api.ts';

export type { Notice, NoticeList, SendReminderBody, SendReminderResult };

export const noticeKeys = {
  all: ['notices'] as const,
  list: (page: number, unreadOnly: boolean) => [...noticeKeys.all, 'list', page, unreadOnly] as const,
  unread: () => [...noticeKeys.all, 'unread'] as const,
};

/** How often the bell asks for the unread count (and when the window regains focus). */
const BELL_REFRESH_MS = 60_000;

export const noticeQueries = {
  list: (page: number, unreadOnly: boolean) =>
    queryOptions({
      queryKey: noticeKeys.list(page, unreadOnly),
      queryFn: ({ signal }) =>
        api.get<NoticeList>('/notices', { page, unread: unreadOnly ? 'true' : undefined }, signal),
      placeholderData: keepPreviousData,
    }),
  unread: () =>
    queryOptions({
      queryKey: noticeKeys.unread(),
      queryFn: ({ signal }) => api.get<{ unread: number }>('/notices/unread-count', undefined, signal),
      refetchInterval: BELL_REFRESH_MS,
    }),
};

export function useNotices(page: number, unreadOnly: boolean) {
  return useQuery(noticeQueries.list(page, unreadOnly));
}

export function useUnreadNotices() {
  return useQuery(noticeQueries.unread());
}

export function useMarkNoticeRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ marked: number; unread: number }>(`/notices/${id}/read`),
    onSuccess: () => qc.invalidateQueries({ queryKey: noticeKeys.all }),
  });
}

export function useMarkAllNoticesRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ marked: number; unread: number }>('/notices/read-all'),
    onSuccess: () => qc.invalidateQueries({ queryKey: noticeKeys.all }),
  });
}

/** Sends (or, with `dryRun`, previews) a reminder to chosen agencies. */
export function useSendReminder() {
  return useMutation({
    mutationFn: (body: Omit<SendReminderBody, 'dryRun'> & { dryRun: boolean }) =>
      api.post<SendReminderResult>('/notices/reminders', body),
  });
}
