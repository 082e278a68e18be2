// The system's own file and folder pickers (Tauri's dialog plugin). A picker
// that is cancelled or cannot open answers `null`: the typed path stays usable.
import { open } from "@tauri-apps/plugin-dialog";

/** Asks for a folder, starting at `current`; `null` when none was chosen. */
export async function chooseFolder(current: string, title: string): Promise<string | null> {
  try {
    const picked = await open({ directory: true, multiple: false, defaultPath: current || undefined, title });
    return typeof picked === "string" ? picked : null;
  } catch {
    return null;
  }
}

/** Asks for one journal file (a backup); `null` when none was chosen. */
export async function chooseJournalFile(current: string, title: string, filterName: string): Promise<string | null> {
  try {
    const picked = await open({
      directory: false,
      multiple: false,
      defaultPath: current || undefined,
      title,
      filters: [{ name: filterName, extensions: ["sqlite"] }],
    });
    return typeof picked === "string" ? picked : null;
  } catch {
    return null;
  }
}
