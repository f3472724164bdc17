/** @type {import('next').NextConfig} */
const nextConfig = {
  // Bundled, PGlite cannot find its WebAssembly and data files; pg has optional native parts.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg"],
  typedRoutes: false,
  experimental: {
    serverActions: {
      // Uploads of several articles at once; each file is still refused above 2 MB, by name.
      bodySizeLimit: "25mb",
      allowedOrigins: (process.env.CROSSCHECK_ALLOWED_ORIGINS ?? "").split(",").map((s) => s.trim()).filter(Boolean),
    },
  },
  poweredByHeader: false,
};

export default nextConfig;
