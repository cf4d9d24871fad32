import { sql } from 'drizzle-orm';
import { check, pgTable, text } from 'drizzle-orm/pg-core';

/** The six-region scheme (National Geography Committee) used to group provinces. */
export const REGIONS = ['north', 'northeast', 'central', 'east', 'west', 'south'] as const;
export type Region = (typeof REGIONS)[number];

/** 'ministry': one of the 20 ministries (the Office of the Prime Minister included); 'other': agencies outside them. */
export const MINISTRY_KINDS = ['ministry', 'other'] as const;
export type MinistryKind = (typeof MINISTRY_KINDS)[number];

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** Thai provinces (ISO 3166-2:TH codes, e.g. TH-47) and their regions. Reference data, loaded at start. */
export const provinces = pgTable(
  'provinces',
  {
    code: text('code').primaryKey(),
    nameTh: text('name_th').notNull().unique(),
    nameEn: text('name_en').notNull(),
    region: text('region').$type<Region>().notNull(),
  },
  () => [check('provinces_region_known', sql.raw(`region in (${quoted(REGIONS)})`))],
);

export const ministries = pgTable(
  'ministries',
  {
    code: text('code').primaryKey(),
    nameTh: text('name_th').notNull().unique(),
    nameEn: text('name_en').notNull(),
    kind: text('kind').$type<MinistryKind>().notNull().default('ministry'),
  },
  () => [check('ministries_kind_known', sql.raw(`kind in (${quoted(MINISTRY_KINDS)})`))],
);
