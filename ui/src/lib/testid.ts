import type { InputHTMLAttributes } from "vue";

/**
 * `input-props` for a naive-ui input that puts `data-testid` on the real <input> or
 * <textarea> (Vue's attribute types do not list data-* keys, hence the assertion).
 */
export function inputProps(testid: string, extra: InputHTMLAttributes = {}): InputHTMLAttributes {
  return { ...extra, "data-testid": testid } as InputHTMLAttributes;
}
