// Public respondent API (IIT and EIT part 1): questionnaire, access, submit. Other modules import from here.
export {
  GRANT_INSTRUMENTS,
  GRANT_LIFETIME_SECONDS,
  type Grant,
  type GrantClaims,
  type GrantInstrument,
  issueGrant,
  readGrant,
} from './grant.ts';
