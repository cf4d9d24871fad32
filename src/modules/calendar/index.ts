// What other modules may use of the calendar: whether a stage (a collection window) is open for an agency,
// the open-cycle check, and the routes.
export type { StageWindow } from '../../core/calendar.ts';
export { calendarRoutes } from './calendar.routes.ts';
export {
  assertCycleOpen,
  type CollectionWindow,
  collectionWindow,
  cycleNotOpen,
} from './calendar.service.ts';
export { stageExtensionsOf } from './extensions.ts';
