import { describe, expect, it } from "vitest";
import {
  durationBars,
  hoursMinutes,
  onTimeByWeek,
  percent,
  presetOf,
  presetPeriod,
  reportFileName,
  weeklyByService,
  workloadBars,
} from "./reports";
import type { Report } from "./bindings/Report";
import type { ReportLabels } from "./bindings/ReportLabels";

const t = (key: string) => key;

describe("quick periods", () => {
  it("months, quarters and years around a day", () => {
    expect(presetPeriod("this_month", "2026-02-14")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(presetPeriod("last_month", "2026-01-14")).toEqual({ from: "2025-12-01", to: "2025-12-31" });
    expect(presetPeriod("this_quarter", "2026-11-23")).toEqual({ from: "2026-10-01", to: "2026-12-31" });
    expect(presetPeriod("last_quarter", "2026-02-10")).toEqual({ from: "2025-10-01", to: "2025-12-31" });
    expect(presetPeriod("last_quarter", "2026-05-10")).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(presetPeriod("this_year", "2024-02-29")).toEqual({ from: "2024-01-01", to: "2024-12-31" });
    expect(presetPeriod("last_year", "2026-06-01")).toEqual({ from: "2025-01-01", to: "2025-12-31" });
  });
  it("tells a period's quick choice back", () => {
    expect(presetOf("2026-07-01", "2026-09-30", "2026-11-23")).toBe("last_quarter");
    expect(presetOf("2026-07-02", "2026-09-30", "2026-11-23")).toBeNull();
  });
});

describe("texts", () => {
  it("formats shares, minutes and file names", () => {
    expect(percent(20 / 27)).toBe("74.1 %");
    expect(percent(null)).toBe("—");
    expect(hoursMinutes(125)).toBe("2:05");
    expect(hoursMinutes(-61)).toBe("−1:01");
    expect(reportFileName("quarterly", "2026-01-01", "2026-03-31", "kk", "pdf")).toBe("quarterly-2026-01-01-2026-03-31-kk.pdf");
  });
});

const labels: ReportLabels = {
  services: { vessel: { kk: "Кеме", ru: "Судно" } },
  procedures: { "vessel/issue": { kk: "Беру", ru: "Выдача" } },
  steps: { "vessel/issue/resolution": { kind: "resolution", role: "head", action: { kk: "", ru: "" } } },
  grounds: {},
  people: { executor: { kk: "Мөлдір", ru: "Мольдир" } },
  departments: {},
};

const report = {
  weeks: [
    { week: "2026-01-01", received: { vessel: 2 }, completed: 0, on_time: 0 },
    { week: "2026-01-05", received: {}, completed: 3, on_time: 2 },
  ],
  step_times: [
    { key: "vessel/issue/resolution", service: "vessel", procedure: "issue", step: "resolution", role: "head", count: 3, median: 30, p90: 270, max: 270, limit: 120, late: 1 },
  ],
  workload: [{ executor: "executor", open: 1, completed: 17, late: 0 }, { executor: "", open: 2, completed: 0, late: 0 }],
} as unknown as Report;

describe("chart data", () => {
  it("weekly cases per service, with empty weeks as zero", () => {
    expect(weeklyByService(report, labels, "ru")).toEqual({
      weeks: ["2026-01-01", "2026-01-05"],
      series: [{ label: "Судно", data: [2, 0] }],
    });
  });
  it("the on-time share per week, none where nothing was completed", () => {
    expect(onTimeByWeek(report).share).toEqual([null, 66.7]);
  });
  it("durations against limits and the workload", () => {
    const d = durationBars(report, labels, "kk", t);
    expect(d.steps).toEqual(["Беру · reports.step_kind.resolution"]);
    expect([d.median, d.p90, d.limit]).toEqual([[30], [270], [120]]);
    const w = workloadBars(report, labels, "kk", t);
    expect(w.people).toEqual(["Мөлдір", "reports.none"]);
    expect(w.completed).toEqual([17, 0]);
  });
});
