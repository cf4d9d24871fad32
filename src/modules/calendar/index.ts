// What other modules may use of the calendar: whether a stage (a collection window) is open for an agency.
export type { StageWindow } from '../../core/calendar.ts';
/** For the OIT modules until they use the agencies module's `agencyYear` (removed when OIT is one module). */
export { requireParticipation as assertCycleOpen } from '../agencies/index.ts';
export { type CollectionWindow, collectionWindow } from './calendar.service.ts';
