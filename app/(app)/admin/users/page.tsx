import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/button.tsx";
import { forbidden } from "next/navigation";
import { CreateUserForm } from "@/components/create-user-form.tsx";
import { PageHeader } from "@/components/page-header.tsx";
import { UserRow } from "@/components/user-row.tsx";
import { plural } from "@/lib/domain/format.ts";
import { actorCan, currentActor, requireActor } from "@/lib/web/session.ts";
import { listUsers } from "@/lib/server/users.ts";

export async function generateMetadata(): Promise<Metadata> {
  const actor = await currentActor();
  return { title: actor && actorCan(actor, "admin") ? "Users" : "Not allowed" };
}

export default async function UsersPage() {
  const actor = await requireActor("/admin/users");
  if (!actorCan(actor, "admin")) forbidden();
  const users = await listUsers();
  return (
    <>
      <PageHeader
        title="Users"
        description="Admins create accounts and set roles. Disabling an account signs it out everywhere at once; its history stays."
        actions={
          <Link href="/admin/investigations" className={buttonClass("secondary")}>
            All investigations
          </Link>
        }
      />
      <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
        <section aria-labelledby="users-heading" className="h-fit overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <h2 id="users-heading" className="border-b border-slate-200 bg-slate-50 px-4 py-2 text-xs font-medium text-slate-500">
            {plural(users.length, "account")}
          </h2>
          <ul aria-labelledby="users-heading" className="divide-y divide-slate-200">
            {users.map((u) => (
              <UserRow key={`${u.id}-${u.version}`} user={{ ...u, isSelf: u.id === actor.id }} />
            ))}
          </ul>
        </section>
        <section aria-labelledby="new-user-heading" className="h-fit rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <h2 id="new-user-heading" className="mb-4 font-semibold">
            New account
          </h2>
          <CreateUserForm />
        </section>
      </div>
    </>
  );
}
