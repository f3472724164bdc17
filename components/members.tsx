"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/domain/action-result.ts";
import { addMember, removeMember, setMemberRole } from "@/lib/features/members/actions.ts";
import { Button } from "@/components/button.tsx";
import { PersonCell } from "@/components/person-cell.tsx";
import { Field, inputClass, TextInput } from "@/components/field.tsx";
import { FormMessage } from "@/components/form-message.tsx";
import { useFormAction } from "@/components/use-form-action.ts";
import { MEMBER_ROLE_DESCRIPTIONS, MEMBER_ROLE_LABELS, MEMBER_ROLES, type MemberRole } from "@/lib/domain/roles.ts";

export type MemberRowData = { userId: string; name: string; email: string; role: MemberRole; disabled: boolean; isSelf: boolean };

const selectClass = "rounded-md border-0 bg-white py-1.5 pr-8 pl-2 text-sm ring-1 ring-slate-300 ring-inset";

/**
 * The members, as a lead sees them, with one line saying what the last change did. The line is
 * kept here, not in a row: a removed row is gone, and the page is refreshed after each change.
 */
export function MemberList({ investigationId, members, label }: { investigationId: string; members: MemberRowData[]; label: string }) {
  const [outcome, setOutcome] = useState("");
  return (
    <>
      <p role="status" className="border-b border-slate-200 px-4 py-2 text-sm text-emerald-800 empty:hidden">
        {outcome}
      </p>
      <ul aria-labelledby={label} className="divide-y divide-slate-200">
        {members.map((m) => (
          <MemberRow key={m.userId} investigationId={investigationId} member={m} onDone={setOutcome} />
        ))}
      </ul>
    </>
  );
}

/** The action, and what to say once it has succeeded. */
function saying<R extends object>(
  action: (form: FormData) => Promise<ActionResult<R>>,
  say: (result: R) => string,
  onDone: (text: string) => void,
): (form: FormData) => Promise<ActionResult<R>> {
  return async (form) => {
    const result = await action(form);
    if (result.ok) onDone(say(result));
    return result;
  };
}

/** One member: change their role, or remove them (after a confirmation). */
function MemberRow({
  investigationId,
  member,
  onDone,
}: {
  investigationId: string;
  member: MemberRowData;
  onDone: (text: string) => void;
}) {
  const who = member.isSelf ? "You" : member.name;
  const roleForm = useFormAction(
    saying(setMemberRole, ({ role }) => `${who} ${member.isSelf ? "are" : "is"} now ${MEMBER_ROLE_LABELS[role].toLowerCase()}.`, onDone),
  );
  const removeForm = useFormAction(saying(removeMember, ({ name }) => `${name} is no longer a member.`, onDone));
  const [confirming, setConfirming] = useState(false);
  const failure = [roleForm.state, removeForm.state].find((s) => s && !s.ok);
  return (
    <li className="grid gap-3 px-4 py-4 sm:grid-cols-[minmax(0,1fr)_auto_auto] sm:items-start">
      <PersonCell person={member} failure={failure && !failure.ok ? failure : null} />
      <form {...roleForm.formProps} className="flex items-center gap-2">
        <input type="hidden" name="investigationId" value={investigationId} />
        <input type="hidden" name="userId" value={member.userId} />
        <label htmlFor={`member-role-${member.userId}`} className="sr-only">
          Role of {member.name}
        </label>
        <select id={`member-role-${member.userId}`} name="role" defaultValue={member.role} className={selectClass}>
          {MEMBER_ROLES.map((r) => (
            <option key={r} value={r}>
              {MEMBER_ROLE_LABELS[r]}
            </option>
          ))}
        </select>
        <Button type="submit" variant="secondary" pending={roleForm.pending} className="py-1.5">
          Save role
        </Button>
      </form>
      <div className="sm:text-right">
        {confirming ? (
          <form {...removeForm.formProps} className="flex flex-wrap items-center gap-2 sm:justify-end">
            <input type="hidden" name="investigationId" value={investigationId} />
            <input type="hidden" name="userId" value={member.userId} />
            <Button type="submit" variant="danger" pending={removeForm.pending} className="py-1.5" autoFocus>
              Remove {member.isSelf ? "yourself" : member.name}
            </Button>
            <Button type="button" variant="ghost" className="py-1.5" onClick={() => setConfirming(false)}>
              Keep
            </Button>
          </form>
        ) : (
          <Button
            type="button"
            variant="ghost"
            className="py-1.5"
            onClick={() => setConfirming(true)}
            aria-label={`Remove ${member.name}…`}
          >
            Remove…
          </Button>
        )}
      </div>
    </li>
  );
}

/** Adds an existing account (an admin creates accounts), named by e-mail address or name. */
export function AddMemberForm({ investigationId, candidates }: { investigationId: string; candidates: { name: string; email: string }[] }) {
  const { state, pending, fieldErrors: errors, formProps } = useFormAction(addMember, { resetOnSuccess: true });
  return (
    <form {...formProps} className="space-y-4">
      <input type="hidden" name="investigationId" value={investigationId} />
      <Field
        id="member-who"
        label="E-mail address or name"
        hint={
          candidates.length
            ? "Someone who already has an account; an admin creates accounts."
            : "Everyone with an account is a member already; an admin creates accounts."
        }
        errors={errors?.who}
      >
        <TextInput id="member-who" name="who" list="member-candidates" autoComplete="off" hint errors={errors?.who} />
      </Field>
      <datalist id="member-candidates">
        {candidates.map((c) => (
          <option key={c.email} value={c.email}>
            {c.name}
          </option>
        ))}
      </datalist>
      <Field
        id="member-role"
        label="Role"
        hint={MEMBER_ROLES.map((r) => `${MEMBER_ROLE_LABELS[r]}: ${MEMBER_ROLE_DESCRIPTIONS[r].toLowerCase()}.`).join(" ")}
        errors={errors?.role}
      >
        <select id="member-role" name="role" defaultValue="analyst" aria-describedby="member-role-hint" className={inputClass}>
          {MEMBER_ROLES.map((r) => (
            <option key={r} value={r}>
              {MEMBER_ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </Field>
      <FormMessage state={state} success={state?.ok ? `${state.name} added.` : undefined} />
      <Button type="submit" pending={pending} pendingLabel="Adding…">
        Add member
      </Button>
    </form>
  );
}
