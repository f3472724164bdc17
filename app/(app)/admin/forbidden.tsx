import { StatusPage } from "@/components/status-page.tsx";
import { ROLE_LABELS } from "@/lib/domain/roles.ts";
import { currentActor } from "@/lib/web/session.ts";

/** An admin page opened by an analyst or a reviewer (answered with 403): say so, and what to do instead. */
export default async function AdminOnly() {
  const actor = await currentActor();
  return (
    <StatusPage code={403} title="Not allowed">
      <p>
        This page is for admins.
        {actor && ` You are signed in as ${actor.name} (${ROLE_LABELS[actor.role]}).`} Ask an admin if your account needs a change.
      </p>
    </StatusPage>
  );
}
