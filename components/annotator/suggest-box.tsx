"use client";

import type { ReactNode } from "react";
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text } from "react-aria-components";
import { inputClass } from "@/components/field.tsx";

export type Suggestion = { id: string; label: string; detail?: ReactNode; textValue?: string };

/**
 * A text box with suggestions (React Aria's combobox): typing filters, arrow keys move, Enter
 * picks, and free text stays allowed. Filtering is the caller's, so aliases can match too.
 */
export function SuggestBox({
  label,
  name,
  inputValue,
  onInputChange,
  suggestions,
  onPick,
  selectedKey = null,
  errors,
  description,
  autoFocus,
  placeholder,
  openOnFocus = false,
}: {
  label: string;
  name?: string;
  inputValue: string;
  onInputChange: (value: string) => void;
  suggestions: Suggestion[];
  onPick: (id: string) => void;
  /** The suggestion currently chosen, if any (keeps the list closed once one is picked). */
  selectedKey?: string | null;
  errors?: string[];
  description?: ReactNode;
  autoFocus?: boolean;
  placeholder?: string;
  /** Show the list as soon as the box gets focus (what is in use), not only once something is typed. */
  openOnFocus?: boolean;
}) {
  return (
    <ComboBox
      allowsCustomValue
      menuTrigger={openOnFocus ? "focus" : "input"}
      inputValue={inputValue}
      onInputChange={onInputChange}
      selectedKey={selectedKey}
      onSelectionChange={(key) => key !== null && onPick(String(key))}
      items={suggestions}
      isInvalid={Boolean(errors?.length)}
      autoFocus={autoFocus}
      name={name}
      className="space-y-1.5"
    >
      <Label className="block text-sm font-medium text-slate-800">{label}</Label>
      <div className="relative">
        <Input className={`${inputClass} pr-8`} placeholder={placeholder} />
        <Button
          aria-label={`Show ${label.toLowerCase()} suggestions`}
          className="absolute inset-y-0 right-0 flex w-8 items-center justify-center text-slate-500 hover:text-slate-700"
        >
          <svg viewBox="0 0 20 20" aria-hidden className="size-4 fill-current">
            <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
          </svg>
        </Button>
      </div>
      {description && !errors?.length && (
        <Text slot="description" className="block text-xs text-slate-500">
          {description}
        </Text>
      )}
      {errors?.length ? (
        <Text slot="errorMessage" className="block text-xs font-medium text-red-700">
          {errors.join(" ")}
        </Text>
      ) : null}
      <Popover className="max-h-72 w-(--trigger-width) overflow-auto rounded-md bg-white py-1 shadow-lg ring-1 ring-slate-200">
        <ListBox<Suggestion>
          className="outline-none"
          renderEmptyState={() => <p className="px-3 py-2 text-sm text-slate-500">No suggestions</p>}
        >
          {(item) => (
            <ListBoxItem
              id={item.id}
              textValue={item.textValue ?? item.label}
              className="cursor-default px-3 py-1.5 text-sm text-slate-800 outline-none data-[focused]:bg-indigo-600 data-[focused]:text-white"
            >
              <span className="block truncate">{item.label}</span>
              {item.detail && <span className="block truncate text-xs opacity-75">{item.detail}</span>}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
