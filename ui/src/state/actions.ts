// Writes that several places trigger (list, detail pane, keyboard, bulk bar), each with
// its feedback: a toast, Undo where something left the list, and a data refresh.

import { nextTick, reactive } from "vue";
import { backend, type ContactId, type Group, type GroupId } from "../lib/backend";
import { i18n } from "../i18n";
import { app, dataChanged } from "./app";
import { clients, setGroupFilter, source } from "./clients";
import { confirm, showError, toastSuccess, toastWithUndo } from "./feedback";

const t = i18n.global.t;

/** Runs one backend write; on success toasts `said(result)` and refreshes the views,
 *  on failure shows the error. Resolves to whether it succeeded. */
async function write<T>(call: () => Promise<T>, said: (result: T) => string): Promise<boolean> {
  try {
    const result = await call();
    toastSuccess(said(result));
    dataChanged();
    return true;
  } catch (e) {
    showError(e);
    return false;
  }
}

/** Moves contacts to the trash with an Undo toast; the next row becomes active. */
export async function trashContacts(ids: ContactId[], name?: string): Promise<void> {
  if (ids.length === 0) return;
  const list = source.value;
  const activeIndex = clients.activeId != null ? list.indexOf(clients.activeId) : -1;
  const activeGoes = clients.activeId != null && ids.includes(clients.activeId);
  try {
    const n = await backend.contactsTrash(ids);
    for (const id of ids) clients.selected.delete(id);
    if (activeGoes) clients.activeId = null;
    const text = ids.length === 1 && name ? t("trash.movedOne", { name }) : t("trash.moved", { n }, n);
    toastWithUndo(text, () => void restoreContacts(ids));
    dataChanged();
    if (activeGoes && activeIndex >= 0) {
      // Keep the keyboard flow going: the row that slid into place becomes active.
      await nextTick(); // lets the dataVersion watcher start the re-read
      await list.settled();
      const next = list.rowAt(Math.min(activeIndex, list.count - 1));
      if (next && clients.activeId == null) clients.activeId = next.id;
    }
  } catch (e) {
    showError(e);
  }
}

export function restoreContacts(ids: ContactId[]): Promise<boolean> {
  return write(
    () => backend.contactsRestore(ids),
    (n) => t("trash.restored", { n }, n),
  );
}

export async function purgeContacts(ids: ContactId[]): Promise<boolean> {
  const ok = await confirm({
    title: t("trash.confirmPurgeTitle", { n: ids.length }, ids.length),
    content: t("trash.confirmPurgeBody"),
    positiveText: t("trash.purge"),
    danger: true,
  });
  if (!ok) return false;
  return write(
    () => backend.contactsPurge(ids),
    (n) => t("trash.purged", { n }, n),
  );
}

export async function emptyTrash(count: number): Promise<boolean> {
  const ok = await confirm({
    title: t("trash.confirmEmptyTitle"),
    content: t("trash.confirmEmptyBody", { n: count }),
    positiveText: t("trash.emptyTrash"),
    danger: true,
  });
  if (!ok) return false;
  return write(
    () => backend.contactsEmptyTrash(),
    (n) => t("trash.purged", { n }, n),
  );
}

/** Adds (`join`) or removes contacts from a group, then says so. */
function changeMembership(
  groupId: GroupId,
  ids: ContactId[],
  join: boolean,
): Promise<boolean> {
  if (ids.length === 0) return Promise.resolve(false);
  const group = app.groups.find((x) => x.id === groupId)?.name ?? "";
  return write(
    () => (join ? backend.groupsAssign(groupId, ids) : backend.groupsUnassign(groupId, ids)),
    () => t(join ? "bulk.added" : "bulk.removed", { n: ids.length, group }),
  );
}

export function assignToGroup(groupId: GroupId, ids: ContactId[]): Promise<boolean> {
  return changeMembership(groupId, ids, true);
}

export function removeFromGroup(groupId: GroupId, ids: ContactId[]): Promise<boolean> {
  return changeMembership(groupId, ids, false);
}

/** Deletes a group after confirmation; its contacts stay in the book. */
export async function deleteGroup(group: Group): Promise<void> {
  const ok = await confirm({
    title: t("groups.confirmDeleteTitle", { name: group.name }),
    content: t("groups.confirmDeleteBody", { n: group.count }),
    positiveText: t("groups.delete"),
    danger: true,
  });
  if (!ok) return;
  try {
    await backend.groupsDelete(group.id);
    toastSuccess(t("groups.deleted", { name: group.name }));
    if (clients.groupId === group.id) setGroupFilter(null);
    dataChanged();
  } catch (e) {
    showError(e);
  }
}

export const demo = reactive({ loading: false });

/** Fills an empty book with 1,000 synthetic clients (same seed → same book). */
export async function loadDemoBook(): Promise<boolean> {
  if (demo.loading) return false;
  demo.loading = true;
  try {
    const n = await backend.demoGenerate(1000, 1);
    toastSuccess(t("home.demoLoaded", { n }));
    dataChanged();
    return true;
  } catch (e) {
    showError(e);
    return false;
  } finally {
    demo.loading = false;
  }
}
