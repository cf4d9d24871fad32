import { pgTable, text } from 'drizzle-orm/pg-core';

/** Thai provinces (ISO 3166-2:TH codes, e.g. TH-47) and their regions. Reference data, loaded by the seeder. */
export const provinces = pgTable('provinces', {
  code: text('code').primaryKey(),
  nameTh: text('name_th').notNull().unique(),
  nameEn: text('name_en').notNull(),
  region: text('region').notNull(),
});

export const ministries = pgTable('ministries', {
  code: text('code').primaryKey(),
  nameTh: text('name_th').notNull().unique(),
  nameEn: text('name_en').notNull(),
});
