import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ROLES, type Role } from '../../core/authz.ts';
import { agencies } from './agencies.ts';
import { ministries, provinces } from './reference.ts';

const roleList = ROLES.map((r) => `'${r}'`).join(', ');

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    email: text('email'),
    passwordHash: text('password_hash').notNull(),
    role: text('role').$type<Role>().notNull(),
    agencyId: uuid('agency_id').references(() => agencies.id, { onDelete: 'restrict' }),
    active: boolean('active').notNull().default(true),
    /**
     * An executive (an approver) proposed by their agency's admin: cannot sign in or approve until a NACC
     * admin or a supervisor whose scope covers the agency confirms the account.
     */
    awaitingConfirmation: boolean('awaiting_confirmation').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_username_unique').on(sql`lower(${t.username})`),
    uniqueIndex('users_email_unique').on(sql`lower(${t.email})`),
    check('users_role_known', sql.raw(`role in (${roleList})`)),
    check(
      'users_agency_roles_have_agency',
      sql`(${t.role} in ('agency_admin', 'executive', 'agency_staff')) = (${t.agencyId} is not null)`,
    ),
    check(
      'users_only_executives_await_confirmation',
      sql`not ${t.awaitingConfirmation} or ${t.role} = 'executive'`,
    ),
    check('users_username_format', sql`${t.username} ~ '^[a-z0-9][a-z0-9._-]{2,63}$'`),
  ],
);

/** A supervisor's scope: each row grants one province, one ministry or one agency. */
export const supervisorScopes = pgTable(
  'supervisor_scopes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    provinceCode: text('province_code').references(() => provinces.code, { onDelete: 'cascade' }),
    ministryCode: text('ministry_code').references(() => ministries.code, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id').references(() => agencies.id, { onDelete: 'cascade' }),
  },
  (t) => [
    check(
      'supervisor_scopes_exactly_one',
      sql`num_nonnulls(${t.provinceCode}, ${t.ministryCode}, ${t.agencyId}) = 1`,
    ),
    uniqueIndex('supervisor_scopes_unique').on(t.userId, t.provinceCode, t.ministryCode, t.agencyId),
    index('supervisor_scopes_user_idx').on(t.userId),
  ],
);

/** Agencies an assessor is responsible for in a fiscal year. */
export const assessorAssignments = pgTable(
  'assessor_assignments',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.agencyId, t.year] }),
    index('assessor_assignments_agency_idx').on(t.agencyId),
  ],
);

/** Server-side sessions; the cookie carries only the signed session id. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    data: jsonb('data').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_expires_idx').on(t.expiresAt), index('sessions_user_idx').on(t.userId)],
);

/** Password-reset tokens: only a SHA-256 of the token is stored. */
export const passwordResets = pgTable(
  'password_resets',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('password_resets_user_idx').on(t.userId)],
);
