// Column and constraint helpers shared by the schema files (not tables: index.ts does not export this file).
import { type AnyPgColumn, customType, foreignKey, timestamp } from 'drizzle-orm/pg-core';
import { participations } from './agencies.ts';

export const ts = (name: string) => timestamp(name, { withTimezone: true });

/** Bytes (PGlite hands back a Uint8Array, node-postgres a Buffer: always a Buffer here). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** Rows that belong to an agency's participation in a fiscal year (the cycle must be open); they go with it. */
export const participationFk = (t: { agencyId: AnyPgColumn; year: AnyPgColumn }, name: string) =>
  foreignKey({
    name,
    columns: [t.agencyId, t.year],
    foreignColumns: [participations.agencyId, participations.year],
  }).onDelete('cascade');
