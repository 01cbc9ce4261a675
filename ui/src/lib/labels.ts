// Preset labels of phones, e-mails and addresses. Presets are stored as these English keys
// and translated for display; anything else the user typed is shown as typed.

export type LabelKey = "mobile" | "work" | "home" | "fax" | "office" | "other";

export const PHONE_LABELS: readonly LabelKey[] = ["mobile", "work", "home", "fax", "other"];
export const EMAIL_LABELS: readonly LabelKey[] = ["work", "home", "other"];
export const ADDRESS_LABELS: readonly LabelKey[] = ["office", "home", "other"];

const ALL: readonly string[] = ["mobile", "work", "home", "fax", "office", "other"];

export function isPresetLabel(label: string): label is LabelKey {
  return ALL.includes(label);
}
