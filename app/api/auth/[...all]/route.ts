import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/server/auth.ts";

// better-auth's HTTP endpoints (its rate limiter guards them); sign-up is disabled in its config.
export const GET = (request: Request) => toNextJsHandler(getAuth()).GET(request);
export const POST = (request: Request) => toNextJsHandler(getAuth()).POST(request);
