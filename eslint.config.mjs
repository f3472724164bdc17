import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const prismaOnlyInDataLayer = {
  group: ["@/lib/generated/*", "@/lib/generated/**", "@prisma/*", "pg", "@electric-sql/pglite", "pglite-prisma-adapter"],
  message: "Only the data layer (lib/server, which starts with import \"server-only\") talks to the database.",
};

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "lib/generated/**", "node_modules/**", ".data/**", "test-results/**", "next-env.d.ts"] },
  {
    files: ["app/**", "components/**", "lib/domain/**", "proxy.ts", "instrumentation.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [prismaOnlyInDataLayer] }] },
  },
  {
    files: ["lib/domain/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            prismaOnlyInDataLayer,
            { group: ["react", "react-dom", "react/*", "next", "next/*"], message: "lib/domain is pure: no React or Next." },
            { group: ["@/lib/server/*", "@/components/*", "@/app/*"], message: "lib/domain depends on nothing of ours outside it." },
          ],
        },
      ],
    },
  },
  {
    files: ["components/**", "app/**"],
    ignores: ["app/**/actions.ts", "app/**/page.tsx", "app/**/layout.tsx", "app/**/route.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            prismaOnlyInDataLayer,
            { group: ["@/lib/server/*"], allowTypeImports: true, message: "Client components reach the server through actions, not the data layer." },
          ],
        },
      ],
    },
  },
];

export default config;
