// How many dialogs and drawers are open, so global shortcuts (Delete, arrows, Escape) leave
// the page behind a dialog alone.

import { ref } from "vue";

const count = ref(0);

export const overlays = {
  open(): void {
    count.value++;
  },
  close(): void {
    count.value = Math.max(0, count.value - 1);
  },
  get any(): boolean {
    return count.value > 0;
  },
};
