// Which dialog is open and how to reach the search box from a shortcut.

import { reactive } from "vue";
import type { ContactId, Group } from "../lib/backend";

export const ui = reactive({
  /** The add/edit drawer; `contactId` null means a new contact. */
  editor: { open: false, contactId: null as ContactId | null, seq: 0 },
  /** The new/edit group dialog; `assignTo` contacts join the group once it is created. */
  groupDialog: { open: false, group: null as Group | null, assignTo: [] as ContactId[] },
  shortcutsOpen: false,
});

export function openNewContact(): void {
  ui.editor = { open: true, contactId: null, seq: ui.editor.seq + 1 };
}

export function openEditContact(id: ContactId): void {
  ui.editor = { open: true, contactId: id, seq: ui.editor.seq + 1 };
}

export function openGroupDialog(group: Group | null, assignTo: ContactId[] = []): void {
  ui.groupDialog = { open: true, group, assignTo };
}

let focusSearchImpl: (() => void) | null = null;

export function registerSearchFocus(fn: () => void): void {
  focusSearchImpl = fn;
}

export function focusSearch(): void {
  focusSearchImpl?.();
}

let revealImpl: ((index: number) => void) | null = null;

/** The client list registers how to scroll a row into view (for arrow keys). */
export function registerReveal(fn: ((index: number) => void) | null): void {
  revealImpl = fn;
}

export function revealRow(index: number): void {
  revealImpl?.(index);
}
