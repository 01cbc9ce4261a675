// The one door from the UI to the Rust side. Everything else in ui/ imports from here,
// never from @tauri-apps/* or from the generated bindings directly, so that:
//  - a command's failure arrives as a thrown `BackendError` (code, translated message,
//    form field at fault) instead of a result object every caller must unpack;
//  - outside the app (a plain browser on `vite preview`) the UI can say so plainly
//    instead of failing on a missing IPC bridge. There is deliberately no fake backend.

import { commands } from "./bindings";
import type {
  AppError_Serialize,
  AppInfo,
  Birthday_Serialize,
  Calendar,
  ContactId,
  ContactInput_Serialize,
  ContactRow_Serialize,
  Contact_Serialize,
  FieldDef,
  FieldId,
  FieldKind,
  FieldValue,
  FieldValueInput,
  Group,
  GroupId,
  Labelled,
  Lang,
  ListPage_Serialize,
  ListQuery_Deserialize,
  SearchQuery_Deserialize,
  SearchResult_Serialize,
  SortBy,
  Status,
  TagCount,
} from "./bindings";

// Friendly names: what the backend sends (`_Serialize`, every field present) and what
// it accepts (`_Deserialize`, fields optional).
export type {
  AppInfo,
  Calendar,
  ContactId,
  FieldDef,
  FieldId,
  FieldKind,
  FieldValue,
  FieldValueInput,
  Group,
  GroupId,
  Labelled,
  Lang,
  SortBy,
  Status,
  TagCount,
};
export type AppError = AppError_Serialize;
export type Birthday = Birthday_Serialize;
export type Contact = Contact_Serialize;
export type ContactRow = ContactRow_Serialize;
export type ContactInput = ContactInput_Serialize;
export type ListPage = ListPage_Serialize;
export type ListQuery = ListQuery_Deserialize;
export type SearchQuery = SearchQuery_Deserialize;
export type SearchResult = SearchResult_Serialize;

/** A failed backend call. `message` is already in the user's language. */
export class BackendError extends Error {
  readonly code: string;
  /** The form field at fault (`name`, `birthday`, `phones`, a custom field's name …). */
  readonly field: string | null;

  constructor(error: AppError) {
    super(error.message);
    this.name = "BackendError";
    this.code = error.code;
    this.field = error.field ?? null;
  }
}

/** Thrown by every call when the page is not running inside the desktop app. */
export class NotInAppError extends Error {
  constructor() {
    super("This page runs inside the Clientbook app.");
    this.name = "NotInAppError";
  }
}

/** Whether Tauri's IPC bridge is present (false in a plain browser). */
export function insideApp(): boolean {
  return typeof window !== "undefined" && "__TAURI_INTERNALS__" in window;
}

type CommandResult<T> = { status: "ok"; data: T } | { status: "error"; error: unknown };

/**
 * Turns whatever an IPC rejection carried into an AppError. Our commands reject with
 * `{code, message, field}`; Tauri itself rejects with a bare string (unknown command,
 * bad argument shape) and the bindings rethrow real `Error`s (bridge failures).
 */
export function toAppError(raw: unknown): AppError {
  if (raw && typeof raw === "object" && "message" in raw) {
    const r = raw as { code?: unknown; message?: unknown; field?: unknown };
    if (typeof r.message === "string") {
      return {
        code: typeof r.code === "string" && r.code ? r.code : raw instanceof Error ? "ipc" : "internal",
        message: r.message,
        field: typeof r.field === "string" && r.field ? r.field : null,
      };
    }
  }
  if (typeof raw === "string") return { code: "internal", message: raw, field: null };
  return { code: "internal", message: String(raw), field: null };
}

/** The data of an ok result; a `BackendError` for an error result. */
export function unwrap<T>(result: CommandResult<T>): T {
  if (result.status === "ok") return result.data;
  throw new BackendError(toAppError(result.error));
}

async function call<T>(run: () => Promise<CommandResult<T>>): Promise<T> {
  if (!insideApp()) throw new NotInAppError();
  let result: CommandResult<T>;
  try {
    result = await run();
  } catch (e) {
    throw new BackendError(toAppError(e));
  }
  return unwrap(result);
}

type Commands = typeof commands;
type Unwrapped<F> = F extends (...args: infer A) => Promise<CommandResult<infer D>>
  ? (...args: A) => Promise<D>
  : never;

/** Every command of the bindings, resolving to its data or throwing `BackendError`. */
export type Backend = { [K in keyof Commands]: Unwrapped<Commands[K]> };

function wrapAll(source: Commands): Backend {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source) as (keyof Commands)[]) {
    const command = source[key] as (...args: unknown[]) => Promise<CommandResult<unknown>>;
    out[key] = (...args: unknown[]) => call(() => command(...args));
  }
  return out as Backend;
}

export const backend: Backend = wrapAll(commands);
