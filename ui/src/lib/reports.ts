// Reports in the window: quick periods, file names, figures as texts and the
// data of each chart. Pure functions, unit-tested without a window.
import type { Report } from "./bindings/Report";
import type { ReportLabels } from "./bindings/ReportLabels";
import type { Language } from "./bindings/Language";

type Translate = (key: string, params?: Record<string, string | number>) => string;

export type Preset = "this_month" | "last_month" | "this_quarter" | "last_quarter" | "this_year" | "last_year";
export const PRESETS: Preset[] = ["this_month", "last_month", "this_quarter", "last_quarter", "this_year", "last_year"];

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The period of a quick choice around `today` (`YYYY-MM-DD`, the office's date). */
export function presetPeriod(preset: Preset, today: string): { from: string; to: string } {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const q = Math.floor((m - 1) / 3);
  const span = (y0: number, m0: number, months: number) => {
    const endMonth0 = m0 + months - 1;
    const y1 = y0 + Math.floor((endMonth0 - 1) / 12);
    const m1 = ((endMonth0 - 1) % 12) + 1;
    return { from: iso(y0, m0, 1), to: iso(y1, m1, lastDay(y1, m1)) };
  };
  switch (preset) {
    case "this_month":
      return span(y, m, 1);
    case "last_month":
      return m === 1 ? span(y - 1, 12, 1) : span(y, m - 1, 1);
    case "this_quarter":
      return span(y, q * 3 + 1, 3);
    case "last_quarter":
      return q === 0 ? span(y - 1, 10, 3) : span(y, (q - 1) * 3 + 1, 3);
    case "this_year":
      return span(y, 1, 12);
    case "last_year":
      return span(y - 1, 1, 12);
  }
}

/** The quick choice a period is, if any. */
export function presetOf(from: string, to: string, today: string): Preset | null {
  return PRESETS.find((p) => {
    const r = presetPeriod(p, today);
    return r.from === from && r.to === to;
  }) ?? null;
}

export function reportFileName(kind: "report" | "journal" | "quarterly", from: string, to: string, lang: Language, ext: string): string {
  return `${kind}-${from}-${to}-${lang}.${ext}`;
}

/** 0.753 → "75.3 %" (one decimal, the window's way). */
export function percent(share: number | null): string {
  return share === null ? "—" : `${(share * 100).toFixed(1)} %`;
}

/** Working minutes as hours and minutes: 125 → "2:05". */
export function hoursMinutes(minutes: number): string {
  const sign = minutes < 0 ? "−" : "";
  const m = Math.abs(Math.round(minutes));
  return `${sign}${Math.floor(m / 60)}:${String(m % 60).padStart(2, "0")}`;
}

export function label(map: Record<string, { kk: string; ru: string } | undefined>, key: string, lang: Language): string {
  const v = map[key];
  return v ? v[lang] : key;
}

export function personName(labels: ReportLabels, login: string, lang: Language, t: Translate): string {
  if (login === "") return t("reports.none");
  return label(labels.people, login, lang);
}

/** A step's short name: the kind's name, else its id. */
export function stepName(labels: ReportLabels, key: string, step: string, t: Translate): string {
  const kind = labels.steps[key]?.kind;
  return kind ? t(`reports.step_kind.${kind}`) : step;
}

/** A few steady colours (readable in print, told apart in grey too). */
export const PALETTE = ["#1f5f99", "#d9822b", "#3a8f5c", "#b23b3b", "#7d5ba6", "#8c6d1f", "#2b9aa8", "#666666"];

export interface Series {
  label: string;
  data: number[];
}

/** Cases received per week, one series per service. */
export function weeklyByService(report: Report, labels: ReportLabels, lang: Language): { weeks: string[]; series: Series[] } {
  const services = [...new Set(report.weeks.flatMap((w) => Object.keys(w.received)))].sort();
  return {
    weeks: report.weeks.map((w) => w.week),
    series: services.map((s) => ({
      label: label(labels.services, s, lang),
      data: report.weeks.map((w) => w.received[s] ?? 0),
    })),
  };
}

/** The share on time per week, in percent; `null` for weeks with nothing completed. */
export function onTimeByWeek(report: Report): { weeks: string[]; share: (number | null)[] } {
  return {
    weeks: report.weeks.map((w) => w.week),
    share: report.weeks.map((w) => (w.completed > 0 ? Math.round((1000 * w.on_time) / w.completed) / 10 : null)),
  };
}

/** Median, 90th percentile and limit of each step (working minutes). */
export function durationBars(report: Report, labels: ReportLabels, lang: Language, t: Translate) {
  const rows = report.step_times.filter((s) => s.count > 0);
  const many = new Set(rows.map((s) => s.service)).size > 1;
  return {
    steps: rows.map((s) => {
      const name = stepName(labels, s.key, s.step, t);
      const procedure = label(labels.procedures, `${s.service}/${s.procedure}`, lang);
      const head = many ? `${label(labels.services, s.service, lang).slice(0, 24)}… · ` : "";
      return `${head}${procedure.slice(0, 28)}${procedure.length > 28 ? "…" : ""} · ${name}`;
    }),
    median: rows.map((s) => Number(s.median)),
    p90: rows.map((s) => Number(s.p90)),
    limit: rows.map((s) => Number(s.limit)),
  };
}

/** Open, completed and late per executor. */
export function workloadBars(report: Report, labels: ReportLabels, lang: Language, t: Translate) {
  return {
    people: report.workload.map((w) => personName(labels, w.executor, lang, t)),
    open: report.workload.map((w) => w.open),
    completed: report.workload.map((w) => w.completed),
    late: report.workload.map((w) => w.late),
  };
}
