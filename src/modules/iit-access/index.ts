// IIT access, admin side (code, rotation, QR, poster, single-use tokens). The respondent side reads the
// access row and token hashes through the exports below.

export { type GuessingAlarm, raiseGuessingAlarm } from './iit-access.alarm.ts';
export { ACCESS_CODE_LENGTH, normalizeCode, UNAMBIGUOUS_ALPHABET } from './iit-access.codes.ts';
export { respondentLink } from './iit-access.present.ts';
export { accessCreatedIn, selectAccess, tokenIssued } from './iit-access.queries.ts';
// Printable A4 documents with Thai text (also the demo websites' PDF pages).
export { newA4, pdfBuffer, writeWrapped } from './pdf-kit.ts';
