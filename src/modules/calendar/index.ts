// What other modules may use of the calendar: whether a stage (a collection window) is open for an agency, and
// agencies' stage extensions.
export type { StageWindow } from '../../core/calendar.ts';
export { type CollectionWindow, collectionWindow } from './calendar.service.ts';
export { extensionEndsOn, stageExtensionsOf } from './extensions.ts';
