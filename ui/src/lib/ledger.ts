// Journal safety (the administrator's panel): chain head and check, backups,
// restore, diagnostics. Thin wrappers over the Tauri commands.
import { invoke } from "@tauri-apps/api/core";
import type { JournalSafety } from "./bindings/JournalSafety";
import type { RestoreReport } from "./bindings/RestoreReport";

export const ledgerApi = {
  journalSafety: (check: boolean) => invoke<JournalSafety>("journal_safety", { check }),
  setBackupFolder: (folder: string) => invoke<string>("set_backup_folder", { folder }),
  backupNow: () => invoke<string>("backup_now"),
  restoreBackup: (file: string) => invoke<RestoreReport>("restore_backup", { file }),
  saveDiagnostics: (out: string) => invoke<string>("save_diagnostics", { out }),
};

/** Percent done of a backup from its progress event, 0–100. */
export function percent(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.max(0, Math.min(100, Math.round((done * 100) / total)));
}

/** The locale key naming a chain break's kind. */
export function breakKey(kind: string): string {
  return `ledger.break_${kind}`;
}
