import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { type ActionResult, ExpectedError } from "@/lib/domain/action-result.ts";
import { fieldsWithNul, NUL_MESSAGE } from "@/lib/domain/inputs.ts";
import { ACTION_POLICY, type ActionName } from "@/lib/domain/permissions.ts";
import { hasMemberRole, hasRole, MEMBER_ROLE_LABELS, type MemberRole } from "@/lib/domain/roles.ts";
import type { AuditContext } from "@/lib/server/audit.ts";
import { memberRole, NO_SUCH_INVESTIGATION } from "@/lib/server/memberships.ts";
import { type Actor, actorIn, currentActor, type KnownRole } from "@/lib/web/session.ts";

/** `memberRole`: the caller's role in the investigation the input names (investigation actions). */
export type ActionContext = AuditContext & { actor: Actor; memberRole?: MemberRole };
/** Public actions (sign-in) run without a session. */
export type PublicActionContext = AuditContext & { actor: Actor | null };

type Handler<S extends z.ZodType, R extends object> = (input: z.output<S>, ctx: ActionContext) => Promise<R>;
type PublicHandler<S extends z.ZodType, R extends object> = (input: z.output<S>, ctx: PublicActionContext) => Promise<R>;

export type RegisteredAction = {
  name: ActionName;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  run: (actor: Actor | null, input: unknown, requestId?: string, known?: KnownRole) => Promise<ActionResult<any>>;
};

/** Every action built here, so the role-matrix test can find and call them all. */
export const actionRegistry = new Map<unknown, RegisteredAction>();

/**
 * The one way to write a server action: a name from the policy table (which says the role it
 * needs), a zod schema for its input, and a function of lib/. The caller's session is resolved
 * here, the role checked before anything else, the input parsed, and failures turned into a small
 * result: expected ones with their message, unexpected ones logged and shown generically. An
 * action on an investigation is checked against the caller's membership of the investigation its
 * input names; a handler may rely on the caller being a member with the role its row asks for.
 */
export function defineAction<S extends z.ZodType, R extends object>(name: ActionName, schema: S, handler: Handler<S, R>) {
  return register(name, (actor, input, requestId, known) =>
    executeAction(name, schema, handler as PublicHandler<S, R>, actor, input, requestId, known),
  );
}

/** An action anyone may call (its policy row says "public"), e.g. sign-in. */
export function definePublicAction<S extends z.ZodType, R extends object>(name: ActionName, schema: S, handler: PublicHandler<S, R>) {
  return register(name, (actor, input, requestId) => executeAction(name, schema, handler, actor, input, requestId));
}

function register<R extends object>(
  name: ActionName,
  run: (actor: Actor | null, input: unknown, requestId?: string, known?: KnownRole) => Promise<ActionResult<R>>,
) {
  const policy = ACTION_POLICY[name];
  const scoped = policy && policy !== "public" && policy.scope === "investigation";
  const action = async (input: unknown): Promise<ActionResult<R>> => {
    const requestId = (await headers()).get("x-request-id") ?? randomUUID();
    // On an investigation: the session and the caller's role in it, in one query.
    const investigationId = scoped ? investigationOf(input) : null;
    if (investigationId) {
      const { actor, known } = await actorIn(investigationId);
      return run(actor, input, requestId, known);
    }
    return run(await currentActor(), input, requestId);
  };
  actionRegistry.set(action, { name, run });
  return action;
}

export async function executeAction<S extends z.ZodType, R extends object>(
  name: ActionName,
  schema: S,
  handler: PublicHandler<S, R>,
  actor: Actor | null,
  input: unknown,
  requestId: string = randomUUID(),
  known?: KnownRole,
): Promise<ActionResult<R>> {
  const policy = ACTION_POLICY[name];
  if (!policy) return { ok: false, code: "forbidden", message: "This action is not allowed." };
  if (policy !== "public") {
    if (!actor) return { ok: false, code: "unauthenticated", message: "Your session has ended. Sign in again." };
    if (policy.scope === "global" && !hasRole(actor.role, policy.role)) {
      return { ok: false, code: "forbidden", message: `You need the ${policy.role} role (or higher) to do this.` };
    }
  }
  const raw = input instanceof FormData ? formDataToObject(input) : input;
  const unstorable = fieldsWithNul(raw);
  if (unstorable.length) {
    return {
      ok: false,
      code: "invalid_input",
      message: "Some fields contain a NUL character (\\0), which cannot be saved.",
      fieldErrors: Object.fromEntries(unstorable.map((field) => [field, [NUL_MESSAGE]])),
    };
  }
  let role: MemberRole | undefined;
  if (policy !== "public" && policy.scope === "investigation") {
    // Before the rest of the input is read: an outsider learns nothing, not even what it lacks.
    const scope = investigationScope.safeParse(raw);
    if (!scope.success) {
      return { ok: false, code: "invalid_input", message: "Some fields need attention.", fieldErrors: { investigationId: ["Missing."] } };
    }
    const { investigationId } = scope.data;
    role = (known?.investigationId === investigationId ? known.role : await memberRole(investigationId, actor!.id)) ?? undefined;
    // A non-member hears what an id that never existed gets.
    if (!role) return { ok: false, code: "not_found", message: NO_SUCH_INVESTIGATION };
    if (!hasMemberRole(role, policy.role)) {
      return {
        ok: false,
        code: "forbidden",
        message: `You are ${article(role)} ${MEMBER_ROLE_LABELS[role].toLowerCase()} here: this needs a ${MEMBER_ROLE_LABELS[policy.role].toLowerCase()} (or higher).`,
      };
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      code: "invalid_input",
      message: "Some fields need attention.",
      fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
    };
  }
  try {
    const result = await handler(parsed.data, { actor, actorId: actor?.id ?? null, requestId, ...(role && { memberRole: role }) });
    return { ok: true, ...result };
  } catch (error) {
    unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
    if (error instanceof ExpectedError) {
      return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
    }
    console.error(`[action ${name}] request ${requestId} failed`, error);
    return {
      ok: false,
      code: "internal",
      message: `Something went wrong on our side and nothing was saved. Reference: ${requestId.slice(0, 8)}.`,
    };
  }
}

const investigationScope = z.object({ investigationId: z.string().min(1).max(200) });

/** The investigation an action's input names, when it names one well-formed (else checked later). */
function investigationOf(input: unknown): string | null {
  const raw = input instanceof FormData ? input.get("investigationId") : (input as { investigationId?: unknown } | null)?.investigationId;
  return typeof raw === "string" && investigationScope.safeParse({ investigationId: raw }).success ? raw : null;
}

const article = (role: MemberRole) => (role === "analyst" ? "an" : "a");

/** Repeated keys become arrays; single keys stay values (a schema that wants a list accepts one too). */
export function formDataToObject(form: FormData): Record<string, unknown> {
  // Without a prototype: a field named "__proto__" is a field like any other, never the prototype.
  const out: Record<string, unknown> = Object.create(null);
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = form.getAll(key);
    out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}
