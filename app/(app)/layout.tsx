import { AppShell } from "@/components/app-shell.tsx";
import { requireActor } from "@/lib/web/session.ts";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor("/investigations");
  return <AppShell actor={actor}>{children}</AppShell>;
}
