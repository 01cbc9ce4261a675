// Keyboard helpers: whether a key press belongs to a text field rather than to the app.

export function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag === "INPUT") {
    const type = (target as HTMLInputElement).type;
    return !["checkbox", "radio", "button", "submit", "reset", "range", "color"].includes(type);
  }
  return false;
}

/** Ctrl on Windows/Linux, Cmd on macOS. */
export function isModKey(e: KeyboardEvent | MouseEvent): boolean {
  return e.ctrlKey || e.metaKey;
}

export const IS_MAC = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** How the modifier key is written on this platform. */
export const MOD_LABEL = IS_MAC ? "⌘" : "Ctrl";
