// A to-do item in words: each kind the server may send has its sentence in Thai and English, with the
// agency, the count, the task and the stage filled in — never a code on the home page.
import type { TodoItem } from '../../api/monitoring.ts';
import { formatCount, type Lang } from '../../lib/format.ts';
import { pickName } from '../../lib/localized.ts';

type T = (key: string, o?: Record<string, unknown>) => string;
type TodoKind = TodoItem['kind'];

/** The catalogue key of each kind: a kind the server adds fails the type check until it has its words. */
export const TODO_KIND_KEYS: Record<TodoKind, string> = {
  agency_task: 'monitoring.todo.kind.agency_task',
  oit_returned: 'monitoring.todo.kind.oit_returned',
  approve_stakeholders: 'monitoring.todo.kind.approve_stakeholders',
  approve_oit: 'monitoring.todo.kind.approve_oit',
  score_oit: 'monitoring.todo.kind.score_oit',
  decide_clarifications: 'monitoring.todo.kind.decide_clarifications',
  confirm_oit: 'monitoring.todo.kind.confirm_oit',
  collect_interviews: 'monitoring.todo.kind.collect_interviews',
  review_interviews: 'monitoring.todo.kind.review_interviews',
  decide_flags: 'monitoring.todo.kind.decide_flags',
  laggard: 'monitoring.todo.kind.laggard',
  agencies_behind: 'monitoring.todo.kind.agencies_behind',
  stage_overdue: 'monitoring.todo.kind.stage_overdue',
};

/** "ให้คะแนน OIT ของ เทศบาลตำบลทดสอบ (12 ข้อ)". */
export function todoWords(t: T, lang: Lang, item: TodoItem): string {
  return t(TODO_KIND_KEYS[item.kind], {
    n: formatCount(item.count, lang),
    agency: item.agency ? pickName(item.agency, lang) : '',
    task: item.task ? t(`monitoring.task.${item.task}`) : t('monitoring.todo.noTask'),
    stage: item.stage ? t(`monitoring.stage.${item.stage}`) : '',
  });
}
