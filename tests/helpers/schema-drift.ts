// Compares what prisma/schema.prisma declares (its DMMF, from Prisma's own schema parser) with what
// the migrations actually built in a database. Returns one line per difference.
import { readFile } from "node:fs/promises";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import type pg from "pg";
import { z } from "zod";

const fieldSchema = z.object({
  name: z.string(),
  dbName: z.string().nullish(),
  kind: z.enum(["scalar", "enum", "object", "unsupported"]),
  type: z.string(),
  isList: z.boolean(),
  isRequired: z.boolean(),
  isUpdatedAt: z.boolean(),
  nativeType: z.tuple([z.string(), z.array(z.string())]).nullish(),
  default: z.unknown().optional(),
  relationFromFields: z.array(z.string()).optional(),
  relationToFields: z.array(z.string()).optional(),
  relationOnDelete: z.string().optional(),
});
const dmmfSchema = z.object({
  datamodel: z.object({
    enums: z.array(z.object({ name: z.string(), dbName: z.string().nullish(), values: z.array(z.object({ name: z.string() })) })),
    models: z.array(z.object({ name: z.string(), dbName: z.string().nullish(), fields: z.array(fieldSchema) })),
    indexes: z.array(z.object({ model: z.string(), type: z.enum(["id", "unique", "normal", "fulltext"]), fields: z.array(z.object({ name: z.string() })) })),
  }),
});

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
  Decimal: "numeric(65,30)",
};

// Defaults Prisma computes in the client (uuid(), cuid(), nanoid()) leave no default in the database.
function hasDatabaseDefault(value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value === "object" && value !== null && "name" in value) {
    return !["uuid", "cuid", "nanoid", "ulid"].includes(String((value as { name: unknown }).name));
  }
  return true;
}

export async function schemaDrift(db: pg.Client | pg.Pool, schemaPath = "prisma/schema.prisma"): Promise<string[]> {
  const source = await readFile(schemaPath, "utf8");
  const { datamodel } = dmmfSchema.parse(JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [[schemaPath, source]] }))));
  const problems: string[] = [];
  const tableOf = new Map(datamodel.models.map((model) => [model.name, model.dbName ?? model.name]));
  const columnOf = (modelName: string, fieldName: string) => {
    const field = datamodel.models.find((model) => model.name === modelName)?.fields.find((candidate) => candidate.name === fieldName);
    return field?.dbName ?? fieldName;
  };

  const columns = await db.query<{ table_name: string; column_name: string; type: string; not_null: boolean; has_default: boolean }>(`
    SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type,
           a.attnotnull AS not_null, (d.adbin IS NOT NULL) AS has_default
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> '_prisma_migrations'`);
  const actual = new Map(columns.rows.map((row) => [`${row.table_name}.${row.column_name}`, row]));
  const expectedColumns = new Set<string>();

  const enumNames = new Map(datamodel.enums.map((enumeration) => [enumeration.name, enumeration.dbName ?? enumeration.name]));
  for (const model of datamodel.models) {
    const table = tableOf.get(model.name) ?? model.name;
    for (const field of model.fields) {
      if (field.kind === "object") continue;
      const key = `${table}.${field.dbName ?? field.name}`;
      expectedColumns.add(key);
      const column = actual.get(key);
      if (!column) {
        problems.push(`${key}: declared in the schema, missing in the database`);
        continue;
      }
      const baseType =
        field.kind === "enum"
          ? `"${enumNames.get(field.type) ?? field.type}"`
          : field.nativeType?.[0] === "Timestamptz"
            ? `timestamp(${field.nativeType[1][0] ?? "3"}) with time zone`
            : field.nativeType
              ? `${field.nativeType[0].toLowerCase()}${field.nativeType[1].length ? `(${field.nativeType[1].join(",")})` : ""}`
              : (SCALAR_TYPES[field.type] ?? field.type);
      const type = `${baseType}${field.isList ? "[]" : ""}`;
      if (column.type !== type && column.type !== baseType.replaceAll('"', "") + (field.isList ? "[]" : "")) {
        problems.push(`${key}: type ${column.type} in the database, ${type} in the schema`);
      }
      if (column.not_null !== (field.isRequired || field.isList)) problems.push(`${key}: nullability differs`);
      if (column.has_default !== hasDatabaseDefault(field.default)) problems.push(`${key}: database default differs`);
    }
  }
  for (const key of actual.keys()) if (!expectedColumns.has(key)) problems.push(`${key}: in the database, not in the schema`);

  const enums = await db.query<{ name: string; values: string[] }>(`
    SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public' GROUP BY t.typname`);
  const actualEnums = new Map(enums.rows.map((row) => [row.name, row.values.join(",")]));
  for (const enumeration of datamodel.enums) {
    const name = enumeration.dbName ?? enumeration.name;
    const values = enumeration.values.map((value) => value.name).join(",");
    if (actualEnums.get(name) !== values) problems.push(`enum ${name}: [${actualEnums.get(name) ?? "missing"}] in the database, [${values}] in the schema`);
    actualEnums.delete(name);
  }
  for (const name of actualEnums.keys()) problems.push(`enum ${name}: in the database, not in the schema`);

  const indexes = await db.query<{ table_name: string; is_primary: boolean; is_unique: boolean; columns: string[] }>(`
    SELECT t.relname AS table_name, ix.indisprimary AS is_primary, ix.indisunique AS is_unique,
           array(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns
    FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'`);
  const describeIndex = (table: string, kind: string, cols: string[]) => `${kind} ${table}(${cols.join(", ")})`;
  const actualIndexes = indexes.rows.map((row) => describeIndex(row.table_name, row.is_primary ? "id" : row.is_unique ? "unique" : "normal", row.columns)).sort();
  const expectedIndexes = datamodel.indexes
    .map((index) =>
      describeIndex(
        tableOf.get(index.model) ?? index.model,
        index.type,
        index.fields.map((field) => columnOf(index.model, field.name)),
      ),
    )
    .sort();
  for (const index of expectedIndexes) if (!actualIndexes.includes(index)) problems.push(`index ${index}: declared in the schema, missing in the database`);
  for (const index of actualIndexes) if (!expectedIndexes.includes(index)) problems.push(`index ${index}: in the database, not in the schema`);

  const foreignKeys = await db.query<{ description: string }>(`
    SELECT format('%s(%s) -> %s(%s) on delete %s', src.relname,
             (SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum),
             dst.relname,
             (SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum),
             CASE c.confdeltype WHEN 'c' THEN 'Cascade' WHEN 'r' THEN 'Restrict' WHEN 'n' THEN 'SetNull' WHEN 'd' THEN 'SetDefault' ELSE 'NoAction' END) AS description
    FROM pg_constraint c JOIN pg_class src ON src.oid = c.conrelid JOIN pg_class dst ON dst.oid = c.confrelid
    WHERE c.contype = 'f'`);
  const actualKeys = foreignKeys.rows.map((row) => row.description).sort();
  const expectedKeys = datamodel.models
    .flatMap((model) =>
      model.fields
        .filter((field) => field.kind === "object" && field.relationFromFields?.length)
        .map((field) => {
          const from = (field.relationFromFields ?? []).map((name) => columnOf(model.name, name)).join(", ");
          const to = (field.relationToFields ?? []).map((name) => columnOf(field.type, name)).join(", ");
          // Prisma's default for a required relation is Restrict, for an optional one SetNull.
          const onDelete = field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull");
          return `${tableOf.get(model.name)}(${from}) -> ${tableOf.get(field.type)}(${to}) on delete ${onDelete}`;
        }),
    )
    .sort();
  for (const key of expectedKeys) if (!actualKeys.includes(key)) problems.push(`foreign key ${key}: declared in the schema, missing in the database`);
  for (const key of actualKeys) if (!expectedKeys.includes(key)) problems.push(`foreign key ${key}: in the database, not in the schema`);

  return problems;
}
