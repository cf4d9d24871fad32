// What other modules may use of the quality review: the burst counter the submit endpoint calls inside its
// transaction.
export {
  flushSubmissionTallies,
  type NoteSubmission,
  networkPrefix,
  noteSubmission,
  tallySubmission,
} from './burst.ts';
// The quality page's work waiting over many agencies (the monitoring module lists it).
export { undecidedFlagsIn } from './quality.waiting.ts';
