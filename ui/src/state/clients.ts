// The client list: its filter (group, tag), sort, the search in force, the active contact
// (shown in the detail pane) and the multi-selection. The rows themselves come page by
// page from a PagedList; a new filter or query builds a new one and swaps it in only when
// its first page has arrived, so typing never flashes an empty list and a slow stale
// response never replaces a newer one.

import { reactive, shallowRef, watch } from "vue";
import { backend, type ContactId, type ContactRow, type GroupId, type SortBy } from "../lib/backend";
import { spanBetween } from "../lib/virtual";
import { PagedList } from "./paged";
import { SETTING, app, saveSetting } from "./app";

export const SEARCH_DEBOUNCE_MS = 80;
/** The backend returns at most this many search hits (it still counts them all). */
export const SEARCH_LIMIT = 1000;
/** Beyond this many rows, "select all" would mean fetching the whole book. */
export const SELECT_ALL_MAX = 10_000;

export interface ColumnWidths {
  company: number;
  phone: number;
  groups: number;
  updated: number;
}

export const DEFAULT_COLUMNS: ColumnWidths = { company: 150, phone: 150, groups: 120, updated: 84 };

export const clients = reactive({
  groupId: null as GroupId | null,
  tag: null as string | null,
  sort: "name" as SortBy,
  descending: false,
  /** What is in the search box. */
  searchText: "",
  /** The search in force (trimmed, after the debounce); empty = the plain list. */
  query: "",
  activeId: null as ContactId | null,
  selected: new Set<ContactId>(),
  /** Row index a shift-click extends from. */
  anchor: -1,
  columns: { ...DEFAULT_COLUMNS } as ColumnWidths,
  /** A new list is being read (a thin progress bar shows). */
  pending: false,
});

/** The list on screen. */
export const source = shallowRef<PagedList>(makeSource());

let buildToken = 0;

function makeSource(): PagedList {
  const q = clients.query;
  const group = clients.groupId;
  if (q) {
    return new PagedList(
      async () => {
        const r = await backend.contactsSearch({ text: q, group, limit: SEARCH_LIMIT });
        return { total: r.total, rows: r.rows };
      },
      { pageSize: SEARCH_LIMIT, maxRows: SEARCH_LIMIT },
    );
  }
  const { tag, sort, descending } = clients;
  return new PagedList((offset, limit) =>
    backend.contactsList({ group, tag, tier: null, status: null, trashed: false, sort, descending, offset, limit }),
  );
}

/** Builds the list for the current filter/sort/query and shows it once it has rows. */
export async function rebuild(): Promise<void> {
  const token = ++buildToken;
  const next = makeSource();
  clients.pending = true;
  await next.ensure({ start: 0, end: 60 });
  if (token !== buildToken) return;
  clients.pending = false;
  source.value = next;
  clients.anchor = -1;
}

export const isSearching = () => clients.query !== "";

let searchTimer: ReturnType<typeof setTimeout> | undefined;

export function setSearchText(text: string): void {
  clients.searchText = text;
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => {
    const q = text.trim();
    if (q === clients.query) return;
    clients.query = q;
    // A selection the new results may hide must not be acted on by Delete.
    clients.selected.clear();
    void rebuild();
  }, SEARCH_DEBOUNCE_MS);
}

export function clearSearch(): void {
  clearTimeout(searchTimer);
  clients.searchText = "";
  if (clients.query !== "") {
    clients.query = "";
    clients.selected.clear();
    void rebuild();
  }
}

export function setGroupFilter(id: GroupId | null): void {
  clients.groupId = id;
  clients.selected.clear();
  void rebuild();
}

export function setTagFilter(tag: string | null): void {
  clients.tag = tag;
  clients.selected.clear();
  void rebuild();
}

/** Clicking a header: same column flips the direction, another column starts ascending. */
export function sortBy(column: SortBy): void {
  if (clients.sort === column) clients.descending = !clients.descending;
  else {
    clients.sort = column;
    // Dates read best newest-first.
    clients.descending = column === "created" || column === "updated";
  }
  saveSetting(SETTING.sort, JSON.stringify({ sort: clients.sort, descending: clients.descending }));
  void rebuild();
}

export function setColumnWidth(column: keyof ColumnWidths, width: number): void {
  clients.columns[column] = Math.round(Math.min(Math.max(width, 72), 480));
}

export function saveColumnWidths(): void {
  saveSetting(SETTING.columns, JSON.stringify(clients.columns));
}

/** Restores the remembered sort and column widths. Malformed values are ignored. */
export async function loadListPrefs(): Promise<void> {
  const [sort, columns] = await Promise.all([
    backend.settingsGet(SETTING.sort).catch(() => null),
    backend.settingsGet(SETTING.columns).catch(() => null),
  ]);
  try {
    const s = sort ? (JSON.parse(sort) as { sort?: unknown; descending?: unknown }) : null;
    if (s && ["name", "company", "created", "updated"].includes(String(s.sort))) {
      clients.sort = s.sort as SortBy;
      clients.descending = s.descending === true;
    }
  } catch {
    /* keep defaults */
  }
  try {
    const c = columns ? (JSON.parse(columns) as Partial<Record<keyof ColumnWidths, unknown>>) : null;
    if (c) {
      for (const k of Object.keys(DEFAULT_COLUMNS) as (keyof ColumnWidths)[]) {
        const v = c[k];
        if (typeof v === "number" && Number.isFinite(v)) setColumnWidth(k, v);
      }
    }
  } catch {
    /* keep defaults */
  }
}

// ——— active row and selection ———

export function activate(id: ContactId | null, index = -1): void {
  clients.activeId = id;
  if (index >= 0) clients.anchor = index;
}

export function clearSelection(): void {
  clients.selected.clear();
}

/** Plain, Ctrl/Cmd- and Shift-click on a row, as file managers do. */
export async function clickRow(index: number, row: ContactRow, mods: { shift: boolean; toggle: boolean }): Promise<void> {
  if (mods.shift && clients.anchor >= 0) {
    const rows = await source.value.rowsIn(spanBetween(clients.anchor, index));
    if (!mods.toggle) clients.selected.clear();
    for (const r of rows) clients.selected.add(r.id);
    clients.activeId = row.id;
    return;
  }
  if (mods.toggle) {
    if (clients.selected.size === 0 && clients.activeId != null && clients.activeId !== row.id) {
      clients.selected.add(clients.activeId);
    }
    toggle(row.id);
    clients.anchor = index;
    clients.activeId = row.id;
    return;
  }
  clients.selected.clear();
  activate(row.id, index);
}

/** The row checkbox: adds or removes without touching the rest (shift extends a range). */
export async function checkRow(index: number, row: ContactRow, shift: boolean): Promise<void> {
  if (shift && clients.anchor >= 0) {
    const rows = await source.value.rowsIn(spanBetween(clients.anchor, index));
    for (const r of rows) clients.selected.add(r.id);
  } else {
    toggle(row.id);
  }
  clients.anchor = index;
}

function toggle(id: ContactId): void {
  if (clients.selected.has(id)) clients.selected.delete(id);
  else clients.selected.add(id);
}

export async function selectAll(): Promise<boolean> {
  const list = source.value;
  if (list.count > SELECT_ALL_MAX) return false;
  const rows = await list.rowsIn({ start: 0, end: list.count });
  for (const r of rows) clients.selected.add(r.id);
  return true;
}

/** Arrow keys: moves the active row; with Shift the selection grows along. */
export async function moveActive(delta: number, extend: boolean): Promise<number> {
  const list = source.value;
  if (list.count === 0) return -1;
  const current = clients.activeId == null ? -1 : list.indexOf(clients.activeId);
  const target = current < 0 ? (delta > 0 ? 0 : list.count - 1) : Math.min(Math.max(current + delta, 0), list.count - 1);
  await list.ensure({ start: target, end: target + 1 }, false);
  const row = list.rowAt(target);
  if (!row) return -1;
  if (extend) {
    const from = clients.activeId;
    if (from != null) clients.selected.add(from);
    clients.selected.add(row.id);
  } else {
    clients.selected.clear();
  }
  clients.activeId = row.id;
  clients.anchor = target;
  return target;
}

/** What bulk actions and the Delete key act on: the selection, else the active row. */
export function targetIds(): ContactId[] {
  if (clients.selected.size > 0) return [...clients.selected];
  return clients.activeId == null ? [] : [clients.activeId];
}

// Writes elsewhere: re-read what is on screen.
watch(
  () => app.dataVersion,
  () => {
    void source.value.refresh();
  },
);
