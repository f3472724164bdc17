import "server-only";
import { productionConfigProblem } from "@/lib/domain/deployment.ts";

/** Ends the process with the reason when the server cannot run safely as configured. */
export function refuseUnsafeConfig(): void {
  const problem = productionConfigProblem(process.env);
  if (!problem) return;
  console.error(`[crosscheck] Refusing to start: ${problem}`);
  process.exit(1);
}
