import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { JournalRow } from "./bindings/JournalRow";
import kk from "../../../locales/kk.yml";
import { translate } from "./translate";
import { formatWorkSpan } from "./worktime";
import { freshWarnings, warningCounts, warningKey, warningMessage } from "./warnings";
import { IdleTimer } from "./idle";

const plugin = vi.hoisted(() => ({
  isPermissionGranted: vi.fn(async () => true),
  requestPermission: vi.fn(async () => "granted"),
  sendNotification: vi.fn(),
}));
vi.mock("@tauri-apps/plugin-notification", () => plugin);
import { notifyDesktop } from "./notify";

function row(number: string, step_state: JournalRow["step_state"], step_id = "examine"): JournalRow {
  return {
    id: 1,
    number,
    year: 2026,
    seq: 1,
    registered_at: "",
    received_at: "",
    channel: "state_corp",
    language: "kk",
    applicant_kind: "person",
    applicant_name: "",
    applicant_id_number: "",
    service: "s",
    service_name: null,
    procedure: "p",
    procedure_name: null,
    status: "in_progress",
    step_id,
    step_name: null,
    step_role: "executor",
    executor: null,
    due_at: null,
    step_state,
    minutes_left: 0,
  } as unknown as JournalRow;
}

describe("deadline warnings", () => {
  it("counts due-soon and overdue steps", () => {
    expect(warningCounts([row("1", "on_time"), row("2", "due_soon"), row("3", "overdue"), row("4", "overdue")])).toEqual({
      due_soon: 1,
      overdue: 2,
    });
    expect(warningCounts([])).toEqual({ due_soon: 0, overdue: 0 });
  });

  it("announces a step once per state", () => {
    const soon = row("2026-00001", "due_soon");
    const notified = new Set<string>();
    expect(freshWarnings([row("x", "on_time"), soon], notified)).toEqual([soon]);
    notified.add(warningKey(soon));
    expect(freshWarnings([soon], notified)).toEqual([]);
    const late = row("2026-00001", "overdue");
    expect(freshWarnings([late], notified)).toEqual([late]);
    const nextStep = row("2026-00001", "due_soon", "sign");
    expect(freshWarnings([nextStep], notified)).toEqual([nextStep]);
  });
});

describe("warning text", () => {
  const tk = (key: string, p?: Record<string, string | number>) => translate(kk, key, p);
  const span = (m: number) => formatWorkSpan(tk, m, 480);

  it("names each case, with the time left when due soon", () => {
    const soon = { ...row("2026-00007", "due_soon"), minutes_left: 45 } as unknown as JournalRow;
    expect(warningMessage(tk, [soon, row("2026-00002", "overdue")], span)).toBe(
      "№ 2026-00007: қадамның мерзімі жақындады, 45 мин қалды.\n№ 2026-00002: қадамның мерзімі өтті.",
    );
  });

  it("counts when there are many", () => {
    const rows = ["1", "2", "3", "4"].map((n) => row(n, "overdue"));
    expect(warningMessage(tk, rows, span)).toBe("Мерзімі жақындаған немесе өткен жаңа қадамдар: 4.");
  });
});

describe("desktop notification", () => {
  it("is sent when permitted", async () => {
    expect(await notifyDesktop("t", "b")).toBe(true);
    expect(plugin.sendNotification).toHaveBeenCalledWith({ title: "t", body: "b" });
  });

  it("a failing plugin does not throw", async () => {
    plugin.isPermissionGranted.mockRejectedValueOnce(new Error("no plugin"));
    expect(await notifyDesktop("t", "b")).toBe(false);
    plugin.isPermissionGranted.mockResolvedValueOnce(false);
    plugin.requestPermission.mockResolvedValueOnce("denied");
    expect(await notifyDesktop("t", "b")).toBe(false);
  });
});

describe("idle lock", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("fires after the idle minutes, and input restarts the count", () => {
    const onIdle = vi.fn();
    const target = new EventTarget();
    const stop = new IdleTimer(10, onIdle).watch(target);
    vi.advanceTimersByTime(9 * 60_000);
    target.dispatchEvent(new Event("keydown"));
    vi.advanceTimersByTime(9 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    stop();
  });

  it("stops when told, and never fires when set to 0 minutes", () => {
    const onIdle = vi.fn();
    const stop = new IdleTimer(1, onIdle).watch(new EventTarget());
    stop();
    vi.advanceTimersByTime(5 * 60_000);
    const never = new IdleTimer(0, onIdle);
    never.touch();
    vi.advanceTimersByTime(60 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
  });
});
