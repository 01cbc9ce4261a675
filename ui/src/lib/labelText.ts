import { i18n } from "../i18n";
import { isPresetLabel } from "./labels";

/** A phone/e-mail/address label for display: presets translated, the rest as typed. */
export function labelText(label: string): string {
  return isPresetLabel(label) ? i18n.global.t(`labels.${label}`) : label;
}
