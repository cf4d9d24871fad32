// Lessons learned after publication (issue 11 §4). Nothing is imported by other modules yet; its routes are
// registered from src/modules/index.ts.
export type { Lessons, ScopeOption, Target } from './lessons.schema.ts';
