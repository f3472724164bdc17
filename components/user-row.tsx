"use client";

import { givePasswordLink, setUserDisabled, updateUser } from "@/lib/features/users/actions.ts";
import { Button } from "@/components/button.tsx";
import { OneTimeLink } from "@/components/one-time-link.tsx";
import { PersonCell } from "@/components/person-cell.tsx";
import { useFormAction } from "@/components/use-form-action.ts";
import { ROLE_LABELS, ROLES } from "@/lib/domain/roles.ts";
import type { UserRow as UserSummary } from "@/lib/server/users.ts";

export type UserRowData = UserSummary & { isSelf: boolean };

/** One account: change its role, or disable it (which signs it out everywhere at once). */
export function UserRow({ user }: { user: UserRowData }) {
  const roleForm = useFormAction(updateUser);
  const statusForm = useFormAction(setUserDisabled);
  const linkForm = useFormAction(givePasswordLink);
  const failure = [roleForm.state, statusForm.state, linkForm.state].find((s) => s && !s.ok);
  return (
    <li
      className={`grid gap-3 px-4 py-4 sm:grid-cols-[minmax(0,1fr)_auto_8rem_auto] sm:items-start ${user.disabled ? "bg-slate-50 text-slate-500" : ""}`}
    >
      <PersonCell person={{ ...user, disabled: false }} failure={failure && !failure.ok ? failure : null} />
      <form {...roleForm.formProps} className="flex items-center gap-2">
        <input type="hidden" name="id" value={user.id} />
        <input type="hidden" name="version" value={user.version} />
        <input type="hidden" name="name" value={user.name} />
        <label htmlFor={`role-${user.id}`} className="sr-only">
          Role of {user.name}
        </label>
        <select
          id={`role-${user.id}`}
          name="role"
          defaultValue={user.role}
          className="rounded-md border-0 bg-white py-1.5 pr-8 pl-2 text-sm ring-1 ring-slate-300 ring-inset"
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
        <Button type="submit" variant="secondary" pending={roleForm.pending} className="py-1.5">
          Save role
        </Button>
      </form>
      <div className="text-sm sm:pt-1.5">
        {user.disabled ? (
          <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-700">Disabled</span>
        ) : (
          <span className="text-slate-600">
            Active{user.activeSessions ? ` · ${user.activeSessions} session${user.activeSessions === 1 ? "" : "s"}` : ""}
          </span>
        )}
      </div>
      <div className="flex flex-wrap gap-2 sm:justify-end">
        {!user.isSelf && (
          <form {...statusForm.formProps}>
            <input type="hidden" name="id" value={user.id} />
            <input type="hidden" name="version" value={user.version} />
            <input type="hidden" name="disabled" value={String(!user.disabled)} />
            <Button type="submit" variant={user.disabled ? "secondary" : "danger"} pending={statusForm.pending} className="py-1.5">
              {user.disabled ? "Enable" : "Disable"}
            </Button>
          </form>
        )}
        {!user.isSelf && (
          <form {...linkForm.formProps}>
            <input type="hidden" name="id" value={user.id} />
            <Button
              type="submit"
              variant="secondary"
              pending={linkForm.pending}
              className="py-1.5"
              aria-label={`Password link for ${user.email}`}
            >
              Password link
            </Button>
          </form>
        )}
      </div>
      {linkForm.state?.ok && (
        <div className="sm:col-span-4">
          <OneTimeLink {...linkForm.state} />
        </div>
      )}
    </li>
  );
}
