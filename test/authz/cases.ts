// The authorization matrix: every API route × every role × {in scope, out of scope}.
// Each module lists its routes in test/authz/<module>.cases.ts; see README.md in this folder.
import type { Role } from '../../src/core/authz.ts';
import type { Contents } from './contents.ts';
import type { AgencySide, UserRef, World } from './world.ts';

export type MatrixRole = Role | 'anonymous';
export const MATRIX_ROLES: readonly MatrixRole[] = [
  'admin',
  'assessor',
  'supervisor',
  'agency_admin',
  'executive',
  'agency_staff',
  'anonymous',
];

export type Side = 'inScope' | 'outOfScope';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a case's builders see: the world, plus the agency the request targets. */
export interface CaseWorld extends World {
  /** The role sending the request, and its account (null for anonymous). */
  role: MatrixRole;
  actor: UserRef | null;
  side: Side;
  /** Agency A's side for in-scope requests, agency B's for out-of-scope ones. */
  target: AgencySide;
  /** Scratch space for one request: lets `url` leave something (a fresh record) for `body`. */
  vars: Record<string, unknown>;
}

/** An answer as a check reads it: its status, text, JSON (null when it is not JSON) and bytes (downloads). */
export interface Answer {
  status: number;
  body: string;
  json: unknown;
  raw: Buffer;
}

/**
 * Checks what an allowed request returned, for the role and side that sent it (anonymous too); returns the
 * problems found (empty: right). E.g. which publication a public route serves.
 */
export type AnswerCheck = (w: CaseWorld, answer: Answer) => Promise<string[]>;

export interface Expectation {
  inScope: boolean;
  outOfScope: boolean;
}

export interface MatrixCase {
  /** Shown in test output; by convention "METHOD /api/path/:param" plus a hint when one route has several cases. */
  name: string;
  method: HttpMethod;
  /** The concrete URL (query string allowed). May be async, e.g. to create a fresh target first. */
  url(w: CaseWorld): string | Promise<string>;
  /** The body (JSON unless `contentType` says otherwise), called after `url` with the same `w`. */
  body?(w: CaseWorld): unknown;
  /** For non-JSON bodies (e.g. 'text/csv'): `body` then returns the raw string (or Buffer) to send. */
  contentType?: string;
  /** true = allowed, false = denied, for each role and side. */
  expect: Record<MatrixRole, Expectation>;
  /**
   * Send the request from a session of its own (signed in just for it) instead of the role's shared one:
   * for requests that end or replace the session (logout, login).
   */
  freshSession?: boolean;
  /**
   * For GET routes that return rows of many agencies (no agency, user or entity in the path): the check
   * that every row and count belongs to the role's scope (test/authz/contents.ts), or why the rows are not
   * scoped. Required when any role other than admin may call the route.
   */
  contents?: Contents;
  /**
   * Checks every allowed answer of this case as it comes back, for every role (anonymous too) and both sides,
   * while the other cases run (so with the fixtures of every `setup` as they are then, e.g. a publication still
   * under embargo).
   */
  answer?: AnswerCheck;
}

export const both: Expectation = { inScope: true, outOfScope: true };
export const none: Expectation = { inScope: false, outOfScope: false };
export const inScopeOnly: Expectation = { inScope: true, outOfScope: false };

/** Builds `expect`: the roles named get what is given, every other role (and anonymous) is denied. */
export function allow(partial: Partial<Record<MatrixRole, Expectation>>): Record<MatrixRole, Expectation> {
  return Object.fromEntries(MATRIX_ROLES.map((r) => [r, partial[r] ?? none])) as Record<
    MatrixRole,
    Expectation
  >;
}

/** Every signed-in role, whatever the target; anonymous denied. */
export const signedIn = () =>
  allow({
    admin: both,
    assessor: both,
    supervisor: both,
    agency_admin: both,
    executive: both,
    agency_staff: both,
  });

/** Everyone, including anonymous visitors (sign-in, password reset, public pages). */
export const everyone = () => allow({ ...signedIn(), anonymous: both });
