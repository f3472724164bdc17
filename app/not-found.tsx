import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell.tsx";
import { StatusPage } from "@/components/status-page.tsx";
import { currentActor } from "@/lib/web/session.ts";

export const metadata: Metadata = { title: "Not found" };

/**
 * An address no route answers: the app's frame is drawn here, since no layout of the app ran.
 * (A `notFound()` from a page of the app shows app/(app)/not-found.tsx inside that frame instead.)
 */
export default async function NotFound() {
  const actor = await currentActor();
  return (
    <AppShell actor={actor}>
      <StatusPage code={404} title="Not found" back={actor ? undefined : { href: "/sign-in", label: "Sign in" }}>
        <p>There is no page at this address. Check it for a typing slip, or start again from the list of investigations.</p>
      </StatusPage>
    </AppShell>
  );
}
