// Writes docs/factsheet.schema.json from the zod schema (lib/domain/factsheet-schema.ts).
import { writeFileSync } from "node:fs";
import { factSheetJsonSchema } from "@/lib/domain/factsheet-schema.ts";

writeFileSync("docs/factsheet.schema.json", `${JSON.stringify(factSheetJsonSchema(), null, 2)}\n`);
console.log("wrote docs/factsheet.schema.json");
