// What other modules may use of the measures module (issue 12): the library's start-up loader, and the use
// cases the demo seed drafts its measures document through (as an agency admin would). Routes are registered
// from src/modules/index.ts. Due-date reminders (the notices module) read the measures in force, their
// periods and latest progress through `measuresDue`.
export { type MeasureDue, measuresDue } from './measures.due.ts';
export { createMeasures, getMeasures, saveMeasures, stepMeasures } from './measures.service.ts';
export { createDivision, listDivisions, listLibrary, measureLibraryTask } from './setup.service.ts';
