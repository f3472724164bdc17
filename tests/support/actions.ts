import type { ActionName } from "@/lib/domain/permissions.ts";
import type { Role } from "@/lib/domain/roles.ts";
import { actionRegistry, type RegisteredAction } from "@/lib/web/action.ts";
import type { Actor } from "@/lib/web/session.ts";

/** Every "use server" file of the app: each of its exports is a public endpoint. */
export const actionModules = import.meta.glob<Record<string, unknown>>("/lib/features/*/actions.ts", { eager: true });

/** The app's server actions as defineAction registered them, to call as any actor. */
export const registeredActions: RegisteredAction[] = Object.values(actionModules)
  .flatMap((mod) => Object.values(mod))
  .map((value) => actionRegistry.get(value))
  .filter((a): a is RegisteredAction => !!a);

export const actionNamed = (name: ActionName): RegisteredAction => registeredActions.find((a) => a.name === name)!;

/** A test account as the session would give it to an action. */
export const actorOf = (user: { id: string; email: string; name: string; role: Role }): Actor => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
});
