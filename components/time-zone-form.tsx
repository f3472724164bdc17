"use client";

import { useMemo } from "react";
import { Button } from "@/components/button.tsx";
import { describedBy, Field, inputClass } from "@/components/field.tsx";
import { FormMessage } from "@/components/form-message.tsx";
import { useFormAction } from "@/components/use-form-action.ts";
import { setTimeZone } from "@/lib/features/investigations/actions.ts";

/** The zone "local time" means in this investigation's sources; every IANA zone is offered as you type. */
export function TimeZoneForm({ investigationId, timeZone, version }: { investigationId: string; timeZone: string; version: number }) {
  const save = useFormAction(setTimeZone);
  const zones = useMemo(() => (typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []), []);
  return (
    <form {...save.formProps} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="investigationId" value={investigationId} />
      <input type="hidden" name="version" value={version} />
      <div className="w-72">
        <Field
          id="time-zone"
          label="Time zone of “local time”"
          hint="Times written without a zone, or as local time, are read in it."
          errors={save.fieldErrors?.timeZone}
        >
          <input
            id="time-zone"
            name="timeZone"
            list="time-zones"
            defaultValue={timeZone}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={describedBy("time-zone", save.fieldErrors?.timeZone, true)}
            aria-invalid={save.fieldErrors?.timeZone ? true : undefined}
            className={inputClass}
          />
        </Field>
        <datalist id="time-zones">
          {["UTC", ...zones].map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </div>
      <Button type="submit" variant="secondary" pending={save.pending} pendingLabel="Reading times again…">
        Save zone
      </Button>
      <div className="basis-full">
        <FormMessage
          state={save.state}
          success={
            save.state?.ok
              ? `Saved. ${save.state.reread} time${save.state.reread === 1 ? "" : "s"} read again; detection looked again.`
              : undefined
          }
        />
      </div>
    </form>
  );
}
