import "server-only";
import type { JsonValue } from "@/lib/domain/json-codecs.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";

/** A value from a codec of lib/domain/json-codecs.ts, as Prisma writes a JSON column. */
export function jsonColumn(value: Exclude<JsonValue, null>): Prisma.InputJsonValue {
  return value;
}

/** The same for a nullable JSON column: null is SQL NULL. */
export function nullableJsonColumn(value: JsonValue): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return value === null ? Prisma.DbNull : value;
}
