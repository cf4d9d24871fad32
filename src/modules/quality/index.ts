// What other modules may use of the quality review: the burst counter the submit endpoint calls inside its
// transaction, and the routes.
export {
  flushSubmissionTallies,
  type NoteSubmission,
  networkPrefix,
  noteSubmission,
  tallySubmission,
} from './burst.ts';
export { qualityRoutes } from './quality.routes.ts';
