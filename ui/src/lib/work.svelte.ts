// The signed-in user's queue, refreshed every minute, with deadline warnings.
import { api } from "./api";
import { t } from "./i18n.svelte";
import { notifyDesktop } from "./notify";
import { freshWarnings, warningKey, warningMessage } from "./warnings";
import { formatWorkSpan } from "./worktime";
import { officeClock } from "./office.svelte";
import type { ApiError } from "./bindings/ApiError";
import type { JournalRow } from "./bindings/JournalRow";

export const REFRESH_MS = 60_000;

class WorkQueue {
  rows = $state<JournalRow[]>([]);
  error = $state<ApiError | null>(null);
  loaded = $state(false);
  private notified = new Set<string>();
  private timer: ReturnType<typeof setInterval> | null = null;

  async refresh(): Promise<void> {
    try {
      this.rows = await api.myWork();
      this.error = null;
      this.loaded = true;
    } catch (e) {
      this.error = e as ApiError;
      return;
    }
    const fresh = freshWarnings(this.rows, this.notified);
    if (fresh.length === 0) return;
    for (const r of fresh) this.notified.add(warningKey(r));
    // The banner shows from `rows` whatever the desktop notification does.
    await notifyDesktop(t("work.notify_title"), warningMessage(t, fresh, (m) => formatWorkSpan(t, m, officeClock.workDayMinutes)));
  }

  start(): void {
    this.stop();
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
  }

  /** Stops refreshing and forgets the user's queue and what was announced. */
  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.rows = [];
    this.error = null;
    this.loaded = false;
    this.notified = new Set();
  }
}

export const work = new WorkQueue();
