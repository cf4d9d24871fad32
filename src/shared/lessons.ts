// The scopes lessons learned are read over (issue 11 §4), shared by server and web: the nation (NACC), a
// province or a ministry (a supervisor's scope as the users module stores it).
export const LESSONS_SCOPE_KINDS = ['nation', 'province', 'ministry'] as const;
export type LessonsScopeKind = (typeof LESSONS_SCOPE_KINDS)[number];

/** A scope as the API and the address write it: `nation`, `province:<code>`, `ministry:<code>`. */
export const LESSONS_SCOPE_PATTERN = /^(nation|(province|ministry):[A-Za-z0-9_-]{1,32})$/;

export type LessonsScopeRef =
  | { kind: 'nation' }
  | { kind: 'province'; code: string }
  | { kind: 'ministry'; code: string };

export function parseLessonsScope(text: string): LessonsScopeRef | null {
  if (!LESSONS_SCOPE_PATTERN.test(text)) return null;
  if (text === 'nation') return { kind: 'nation' };
  const [kind, code] = text.split(':') as ['province' | 'ministry', string];
  return { kind, code };
}

export const lessonsScopeKey = (s: LessonsScopeRef): string =>
  s.kind === 'nation' ? 'nation' : `${s.kind}:${s.code}`;
