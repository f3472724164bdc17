/** Runs once when a server starts: check the configuration, then bring the database schema up to date before any request. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  // First, so that as few requests as possible arrive without their peer address (sign-in limits).
  const { installPeerAddressStamp } = await import("@/lib/server/client-address.ts");
  installPeerAddressStamp();
  (await import("@/lib/server/startup.ts")).refuseUnsafeConfig();
  const { getDatabase, databaseOptionsFromEnv, describeDatabase } = await import("@/lib/server/database.ts");
  const { migrate } = await import("@/lib/server/migrate.ts");
  const report = await migrate(getDatabase());
  console.log(
    `[crosscheck] ${describeDatabase(databaseOptionsFromEnv())}: ` +
      (report.applied.length ? `applied ${report.applied.join(", ")}` : "schema up to date"),
  );
  // Long work (re-detection) asked for by pages runs here, off their requests.
  (await import("@/lib/server/jobs.ts")).startJobWorker();
}
