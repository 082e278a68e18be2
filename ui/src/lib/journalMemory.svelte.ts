// What the journal keeps while a case is open: its order and the row to focus on return.
import type { Sort } from "./journalTable";

class JournalMemory {
  sort = $state<Sort | null>(null);
  /** The number of the case last opened from the journal. */
  focused = $state("");
  /** Set when the window comes back from that case: the journal focuses its row once. */
  restore = $state(false);
}

export const journalMemory = new JournalMemory();
