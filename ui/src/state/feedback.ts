// Toasts, error reports and confirmations from anywhere (keyboard shortcuts, state
// actions), through the naive-ui providers that App.vue mounts once.

import { h } from "vue";
import { NButton, type DialogApi, type MessageApi } from "naive-ui";
import { BackendError, NotInAppError } from "../lib/backend";
import { i18n } from "../i18n";
import { overlays } from "./overlays";

interface Apis {
  message: MessageApi;
  dialog: DialogApi;
}

let apis: Apis | null = null;

export function installFeedback(a: Apis): void {
  apis = a;
}

export function toastSuccess(text: string): void {
  apis?.message.success(text);
}

export function toastInfo(text: string): void {
  apis?.message.info(text);
}

/** The user-facing text of a failure; backend messages arrive already translated. */
export function errorText(e: unknown): string {
  if (e instanceof BackendError || e instanceof NotInAppError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

export function showError(e: unknown): void {
  const text = errorText(e);
  if (apis) apis.message.error(text, { duration: 6000, closable: true });
  else console.error(text);
}

/** A success toast with an Undo button; stays long enough to be reached with the mouse. */
export function toastWithUndo(text: string, undo: () => void): void {
  if (!apis) return;
  const reactive = apis.message.success(
    () =>
      h("span", { class: "toast-undo" }, [
        h("span", text),
        h(
          NButton,
          {
            text: true,
            type: "primary",
            size: "small",
            onClick: () => {
              reactive.destroy();
              undo();
            },
          },
          { default: () => i18n.global.t("common.undo") },
        ),
      ]),
    { duration: 8000, closable: true },
  );
}

export interface ConfirmOptions {
  title: string;
  content: string;
  positiveText: string;
  negativeText?: string;
  /** Destructive: the confirm button is red. */
  danger?: boolean;
}

/** Asks and resolves true only when the user confirms; any other way out is false. */
export function confirm(o: ConfirmOptions): Promise<boolean> {
  const api = apis;
  if (!api) return Promise.resolve(false);
  return new Promise((resolve) => {
    let answered = false;
    const settle = (v: boolean) => {
      if (answered) return;
      answered = true;
      resolve(v);
    };
    overlays.open();
    const options = {
      title: o.title,
      content: o.content,
      positiveText: o.positiveText,
      negativeText: o.negativeText ?? i18n.global.t("common.cancel"),
      autoFocus: true,
      onPositiveClick: () => settle(true),
      onNegativeClick: () => settle(false),
      onClose: () => settle(false),
      onMaskClick: () => settle(false),
      onEsc: () => settle(false),
      onAfterLeave: () => {
        settle(false);
        overlays.close();
      },
    };
    if (o.danger) api.dialog.error(options);
    else api.dialog.warning(options);
  });
}
