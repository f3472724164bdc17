"use client";

import { useCallback, useSyncExternalStore } from "react";

const KEY = "crosscheck:show-suggestions";
const CHANGED = "crosscheck:show-suggestions-changed";

function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

function read(): boolean {
  try {
    return window.localStorage.getItem(KEY) !== "off";
  } catch {
    return true; // storage refused (private mode): suggestions stay on
  }
}

/**
 * Whether the reader draws suggested claims: on until switched off, remembered per browser
 * (other tabs follow). The server renders them on; a browser that turned them off hides them at hydration.
 */
export function useShowSuggestions(): [boolean, (show: boolean) => void] {
  const show = useSyncExternalStore(subscribe, read, () => true);
  const set = useCallback((value: boolean) => {
    try {
      window.localStorage.setItem(KEY, value ? "on" : "off");
    } catch {
      // Not remembered, but still switched for this page.
    }
    window.dispatchEvent(new Event(CHANGED));
  }, []);
  return [show, set];
}
