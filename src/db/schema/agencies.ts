import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { AGENCY_TYPES, type AgencyType } from '../../shared/agency-types.ts';
import { ministries, provinces } from './reference.ts';

const typeList = AGENCY_TYPES.map((t) => `'${t}'`).join(', ');

export const agencies = pgTable(
  'agencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stable external code (e.g. the NACC/ITAS agency code); unique. */
    code: text('code').notNull().unique(),
    nameTh: text('name_th').notNull(),
    nameEn: text('name_en'),
    type: text('type').$type<AgencyType>().notNull(),
    peerGroup: text('peer_group'),
    sizeClass: text('size_class'),
    ministryCode: text('ministry_code').references(() => ministries.code, { onDelete: 'restrict' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => agencies.id, { onDelete: 'set null' }),
    provinceCode: text('province_code').references(() => provinces.code, { onDelete: 'restrict' }),
    website: text('website'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('agencies_type_known', sql.raw(`type in (${typeList})`)),
    check('agencies_not_own_parent', sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
    check('agencies_website_http', sql`${t.website} is null or ${t.website} ~ '^https?://'`),
    index('agencies_province_idx').on(t.provinceCode),
    index('agencies_ministry_idx').on(t.ministryCode),
  ],
);

/** An agency's participation in a fiscal year (Buddhist Era). Registered agencies are assessed. */
export const participations = pgTable(
  'participations',
  {
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    registered: boolean('registered').notNull().default(false),
    registeredAt: timestamp('registered_at', { withTimezone: true }),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.year] }),
    check('participations_year_be', sql`${t.year} between 2550 and 2700`),
    check('participations_registered_at', sql`not ${t.registered} or ${t.registeredAt} is not null`),
    index('participations_year_idx').on(t.year),
  ],
);
