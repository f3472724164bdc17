import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * The layers, enforced (see the README's "How it is built"):
 *   lib/domain    pure rules: imports nothing outside lib/domain (no relative way out either)
 *   lib/server    the data layer: Prisma and SQL, no Next.js or React
 *   lib/web       where a request meets the data layer: sessions, the action wrapper, page loaders
 *   lib/features  the server actions, one module per feature
 *   app, components  screens; client components reach the server through actions only
 *   seed, bin     call the data layer's functions, never Prisma or db() themselves
 */
const database = {
  group: ["@/lib/generated/*", "@/lib/generated/**", "@prisma/*", "pg", "@electric-sql/pglite", "pglite-prisma-adapter"],
  message: 'Only the data layer (lib/server, which starts with import "server-only") talks to the database.',
};
const framework = { group: ["react", "react-dom", "react/*", "next", "next/*"], message: "This layer knows nothing of React or Next.js." };
const upward = (layer) => ({
  group: ["../*", "../**"],
  message: `Import through "@/…" so the layer rules see it: ${layer} may not reach outside by a relative path.`,
});
const screens = { group: ["@/components/*", "@/components/**", "@/app/*", "@/app/**"], message: "Lower layers never import screens." };
const restrict = (...patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "lib/generated/**", "node_modules/**", ".data/**", "test-results/**", "next-env.d.ts"] },
  { files: ["app/**", "components/**", "proxy.ts", "instrumentation.ts"], rules: restrict(database) },
  {
    files: ["lib/domain/**"],
    rules: restrict(database, framework, upward("lib/domain"), screens, {
      group: ["@/lib/server/*", "@/lib/web/*", "@/lib/features/*", "@/lib/features/**", "@/seed/*", "@/bin/*", "server-only"],
      message: "lib/domain depends on nothing of ours outside it.",
    }),
  },
  {
    files: ["lib/server/**"],
    rules: restrict(framework, upward("lib/server"), screens, {
      group: ["@/lib/web/*", "@/lib/features/*", "@/lib/features/**", "@/seed/*", "@/bin/*"],
      message: "The data layer is called, it calls nothing above it.",
    }),
  },
  {
    files: ["lib/web/**"],
    rules: restrict(database, upward("lib/web"), screens, {
      group: ["@/lib/features/*", "@/lib/features/**"],
      message: "Actions sit above lib/web.",
    }),
  },
  { files: ["lib/features/**"], rules: restrict(database, upward("lib/features"), screens) },
  {
    files: ["seed/**", "bin/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "@/lib/server/database.ts", importNames: ["db"], message: "Call a data-layer function instead of querying with db()." },
          ],
          patterns: [database, screens],
        },
      ],
    },
  },
  {
    files: ["components/**", "app/**"],
    ignores: ["app/**/page.tsx", "app/**/layout.tsx", "app/**/route.ts", "app/**/not-found.tsx", "app/**/forbidden.tsx"],
    rules: restrict(database, {
      group: ["@/lib/server/*", "@/lib/web/*"],
      allowTypeImports: true,
      message: "Client components reach the server through actions (lib/features), not the data layer.",
    }),
  },
];

export default config;
