// Public respondent API (IIT and EIT part 1): questionnaire, access, submit. Other modules import from here
// (and whether a destination has answered EIT part 1: the OTP module's check).
export {
  GRANT_INSTRUMENTS,
  GRANT_LIFETIME_SECONDS,
  type Grant,
  type GrantClaims,
  type GrantInstrument,
  issueGrant,
  readGrant,
} from './grant.ts';
export { hasResponded } from './respond.queries.ts';
