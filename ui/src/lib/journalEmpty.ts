// What the journal says when an answer has no rows: an empty journal and a
// search that found nothing are told apart (the core says which).
import type { JournalRow } from "./bindings/JournalRow";
import type { JournalSearch } from "./bindings/JournalSearch";

export type EmptyKey = "journal.empty" | "journal.nothing_found";

/** The text key for an answer without rows; `null` when there are rows to show. */
export function emptyKey(answer: JournalSearch): EmptyKey | null {
  if (answer.rows.length > 0) return null;
  return answer.journal_empty ? "journal.empty" : "journal.nothing_found";
}

/** The plain journal (no filter) as an answer: no rows there means no cases at all. */
export function wholeJournal(rows: JournalRow[]): JournalSearch {
  return { rows, journal_empty: rows.length === 0 };
}
