// What other modules may use of the calendar: whether a stage (a collection window) is open for an agency, and
// agencies' stage extensions; how a stage's phase and days left appear in every API answer.
export type { StageState, StageWindow } from '../../core/calendar.ts';
export { ZDaysLeft, ZStagePhase } from './calendar.schema.ts';
export { type CollectionWindow, collectionWindow, cycleClosed, yearClosedAt } from './calendar.service.ts';
export { extensionEndsOn, stageExtensionsIn, stageExtensionsOf } from './extensions.ts';
