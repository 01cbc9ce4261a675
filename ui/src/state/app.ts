// What the whole window shares: the book's facts (counts, groups, tags, custom fields),
// the language and theme, and which view is showing. Lists re-read themselves when
// `dataVersion` moves, which every write bumps.

import { computed, reactive } from "vue";
import { backend, type AppInfo, type FieldDef, type Group, type GroupId, type Lang, type TagCount } from "../lib/backend";
import { applyLang, isLang } from "../i18n";
import { showError } from "./feedback";

export type View = "home" | "clients" | "trash" | "settings";
export type ThemePref = "os" | "light" | "dark";

const VIEWS: readonly View[] = ["home", "clients", "trash", "settings"];
const THEMES: readonly ThemePref[] = ["os", "light", "dark"];

/** Keys under which the UI remembers things in the book's settings table. */
export const SETTING = {
  view: "ui.lastView",
  theme: "ui.theme",
  sort: "ui.listSort",
  columns: "ui.columnWidths",
} as const;

export const app = reactive({
  ready: false,
  startError: null as string | null,
  info: null as AppInfo | null,
  lang: "zh-Hans" as Lang,
  theme: "os" as ThemePref,
  view: "home" as View,
  groups: [] as Group[],
  tags: [] as TagCount[],
  fields: [] as FieldDef[],
  /** Bumped after every write so that lists and panes read again. */
  dataVersion: 0,
});

const groupsById = computed(() => new Map(app.groups.map((g) => [g.id, g])));

export function groupById(id: GroupId): Group | undefined {
  return groupsById.value.get(id);
}

export const liveCount = computed(() => app.info?.contacts ?? 0);
export const trashCount = computed(() => app.info?.trashed ?? 0);

/** Reads a remembered setting; a failure only costs the remembered value. */
async function readSetting(key: string): Promise<string | null> {
  try {
    return await backend.settingsGet(key);
  } catch {
    return null;
  }
}

export function saveSetting(key: string, value: string): void {
  backend.settingsSet(key, value).catch(showError);
}

/** Opens the book: language first (so everything after speaks it), then the rest. */
export async function start(): Promise<void> {
  app.startError = null;
  try {
    const info = await backend.appInfo();
    app.info = info;
    app.lang = info.language;
    applyLang(info.language);
    const [theme, view] = await Promise.all([readSetting(SETTING.theme), readSetting(SETTING.view)]);
    if (theme && (THEMES as readonly string[]).includes(theme)) app.theme = theme as ThemePref;
    if (view && (VIEWS as readonly string[]).includes(view)) app.view = view as View;
    await refreshMeta();
    app.ready = true;
  } catch (e) {
    app.startError = e instanceof Error ? e.message : String(e);
  }
}

/** Re-reads counts, groups, tags and custom fields. */
export async function refreshMeta(): Promise<void> {
  const [info, groups, tags, fields] = await Promise.all([
    backend.appInfo(),
    backend.groupsList(),
    backend.tagsList(),
    backend.fieldsList(),
  ]);
  app.info = info;
  app.groups = groups;
  app.tags = tags;
  app.fields = fields;
}

/** Call after any write: lists re-read their visible pages, counts refresh. */
export function dataChanged(): void {
  app.dataVersion++;
  refreshMeta().catch(showError);
}

export function go(view: View): void {
  if (app.view === view) return;
  app.view = view;
  saveSetting(SETTING.view, view);
}

/**
 * Switches the language at once in the UI, and in the backend so its error messages
 * follow. A failed save only means the choice is not remembered.
 */
export async function setLanguage(lang: Lang): Promise<void> {
  if (!isLang(lang)) return;
  app.lang = lang;
  applyLang(lang);
  try {
    await backend.settingsSetLanguage(lang);
    if (app.info) app.info = { ...app.info, language: lang, languageChosen: true };
  } catch (e) {
    showError(e);
  }
}

export function setTheme(pref: ThemePref): void {
  app.theme = pref;
  saveSetting(SETTING.theme, pref);
}
