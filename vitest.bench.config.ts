import { mergeConfig } from "vitest/config";
import base from "./vitest.config.ts";

export default mergeConfig(base, { test: { include: [], benchmark: { include: ["bench/**/*.bench.ts"] } } });
