// Column helper types (timestamps, civil dates, JSON) shared by the schema-*.ts table types.
import type { ColumnType, JSONColumnType } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

/** A local calendar date, always 'yyyy-mm-dd' (never a JS Date: no time zone may shift it). */
export type CivilDate = ColumnType<string, string, string>;

export type Json<T extends object> = JSONColumnType<T, string, string>;
export type Instant = ColumnType<Date, Date | string, Date | string>;
export type NullableInstant = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
