import { describe, expect, it } from "vitest";
import kk from "../../../locales/kk.yml";
import ru from "../../../locales/ru.yml";
import { translate } from "./translate";
import type { CaseView } from "./bindings/CaseView";
import type { DocumentInfo } from "./bindings/DocumentInfo";
import type { OfficeDetails } from "./bindings/OfficeDetails";
import {
  awaitsMySignature,
  documentDate,
  documentFileName,
  draftKind,
  joinPath,
  journalFileName,
  looksLikePdf,
  officeDetails,
  officeForm,
  officeInput,
  printableKinds,
  signerText,
  toBytes,
  toWire,
  verificationText,
} from "./documents";

const tKk = (key: string, params?: Record<string, string | number>) => translate(kk, key, params);
const tRu = (key: string, params?: Record<string, string | number>) => translate(ru, key, params);

function doc(over: Partial<DocumentInfo> = {}): DocumentInfo {
  return {
    kind: "refusal",
    lang: "kk",
    case_number: "2026-00012",
    check_code: "ABCD-EFGH",
    sha256: "00",
    signed_by: "deputy",
    signer_name: { kk: "Сәуле Ахметова", ru: "Сауле Ахметова" },
    signer_role: "deputy",
    acting_for_head: true,
    signed_at: "2026-11-23T11:05:00+05:00",
    outgoing_number: "2026-00001/Ш",
    period_from: null,
    period_to: null,
    created_by: "clerk",
    created_at: "2026-11-23T11:10:00+05:00",
    prints: 1,
    ...over,
  };
}

function view(stepKind: string | null, draft: CaseView["route"]["draft"]): CaseView {
  return {
    step: stepKind ? ({ kind: stepKind } as CaseView["step"]) : null,
    route: { draft } as CaseView["route"],
  } as CaseView;
}

describe("bytes", () => {
  it("takes a command's JSON array, a typed array or a buffer", () => {
    expect(Array.from(toBytes([37, 80, 68, 70]))).toEqual([37, 80, 68, 70]);
    const typed = new Uint8Array([1, 2, 255]);
    expect(toBytes(typed)).toBe(typed);
    expect(Array.from(toBytes(typed.buffer))).toEqual([1, 2, 255]);
  });

  it("sends a plain array that survives JSON", () => {
    const wire = toWire(new Uint8Array([0, 128, 255]));
    expect(JSON.parse(JSON.stringify(wire))).toEqual([0, 128, 255]);
  });

  it("recognises a PDF by its header", () => {
    expect(looksLikePdf(new TextEncoder().encode("%PDF-1.7\n"))).toBe(true);
    expect(looksLikePdf(new TextEncoder().encode("%PDX-1.7"))).toBe(false);
    expect(looksLikePdf(new Uint8Array([0x25, 0x50]))).toBe(false);
  });
});

describe("the signature panel", () => {
  it("shows only at a sign step for a user who may sign", () => {
    const refusal = { kind: "refusal" as const, grounds: ["g"], missing_documents: [], text: "" };
    expect(awaitsMySignature(view("sign", refusal), ["sign", "return"])).toBe(true);
    expect(awaitsMySignature(view("sign", refusal), ["hand_over"])).toBe(false);
    expect(awaitsMySignature(view("examine", refusal), ["sign"])).toBe(false);
    expect(awaitsMySignature(view(null, null), ["sign"])).toBe(false);
  });

  it("previews the refusal letter or the result", () => {
    expect(draftKind(view("sign", { kind: "refusal", grounds: [], missing_documents: [], text: "" }))).toBe("refusal");
    expect(draftKind(view("sign", { kind: "result", fields: {} }))).toBe("result");
    expect(draftKind(view("sign", null))).toBeNull();
  });
});

describe("printing", () => {
  it("offers the receipt always and decision documents once held", () => {
    expect(printableKinds([])).toEqual(["receipt"]);
    expect(printableKinds([doc({ kind: "refusal" }), doc({ kind: "receipt" }), doc({ kind: "refusal", lang: "ru" })])).toEqual([
      "receipt",
      "refusal",
    ]);
    expect(printableKinds([doc({ kind: "duplicate" })])).toEqual(["receipt", "duplicate"]);
  });

  it("names files safely", () => {
    expect(documentFileName("2026-00012", "refusal", "kk")).toBe("2026-00012-refusal-kk.pdf");
    expect(documentFileName("12/Ш-2026", "receipt", "ru")).toBe("12_Ш-2026-receipt-ru.pdf");
    expect(documentFileName("///", "result", "kk")).toBe("case-result-kk.pdf");
    expect(journalFileName("2026-11-01", "2026-11-30", "ru")).toBe("journal-2026-11-01-2026-11-30-ru.pdf");
  });

  it("joins a folder and a name with one separator", () => {
    expect(joinPath("/tmp/out", "a.pdf")).toBe("/tmp/out/a.pdf");
    expect(joinPath(" /tmp/out/ ", "a.pdf")).toBe("/tmp/out/a.pdf");
    expect(joinPath("C:\\Users\\clerk", "a.pdf")).toBe("C:\\Users\\clerk\\a.pdf");
    expect(joinPath("   ", "a.pdf")).toBeNull();
  });

  it("names the deputy as acting for the head, in the window's language", () => {
    expect(signerText(tKk, doc(), "kk")).toBe("Сәуле Ахметова (Басшының міндетін атқарушы орынбасар)");
    expect(signerText(tRu, doc({ acting_for_head: false, signer_role: "head" }), "ru")).toBe(
      `Сауле Ахметова (${translate(ru, "case.role.head")})`,
    );
    expect(signerText(tKk, doc({ signed_by: null, kind: "receipt" }), "kk")).toBe(translate(kk, "documents.verify.not_signed"));
    expect(documentDate(doc())).toBe("23.11.2026 11:05");
    expect(documentDate(doc({ signed_at: null }))).toBe("23.11.2026 11:10");
  });
});

describe("verification texts", () => {
  it("a genuine signed document: verdict, code, kind, case, signer with role and time", () => {
    const out = verificationText(tKk, { verdict: "genuine", check_code: "ABCD-EFGH", sha256: "ff", document: doc() }, "kk");
    expect(out.verdict).toBe("genuine");
    expect(out.headline).toBe(translate(kk, "documents.verify.genuine"));
    expect(out.lines).toContain(translate(kk, "documents.verify.code", { code: "ABCD-EFGH" }));
    expect(out.lines).toContain(translate(kk, "documents.verify.kind", { kind: translate(kk, "documents.kind.refusal") }));
    expect(out.lines).toContain(translate(kk, "documents.verify.case", { number: "2026-00012" }));
    const signed = out.lines.find((l) => l.includes("Сәуле Ахметова"));
    expect(signed).toContain("Басшының міндетін атқарушы орынбасар");
    expect(signed).toContain("23.11.2026 11:05");
    expect(out.lines.every((l) => !l.includes("%{"))).toBe(true);
  });

  it("a tampered file and an unknown code say so in Russian", () => {
    const tampered = verificationText(tRu, { verdict: "tampered", check_code: "ABCD-EFGH", sha256: "ee", document: doc() }, "ru");
    expect(tampered.headline).toBe(translate(ru, "documents.verify.tampered"));
    expect(tampered.lines.some((l) => l.includes("Сауле Ахметова"))).toBe(true);
    const unknown = verificationText(tRu, { verdict: "unknown", check_code: null, sha256: "dd", document: null }, "ru");
    expect(unknown.headline).toBe(translate(ru, "documents.verify.unknown"));
    expect(unknown.lines).toEqual([]);
  });

  it("an unsigned journal printout shows its period", () => {
    const j = doc({ kind: "journal", case_number: null, signed_by: null, signer_role: null, signer_name: null, acting_for_head: false, signed_at: null, period_from: "2026-11-01", period_to: "2026-11-30" });
    const out = verificationText(tKk, { verdict: "genuine", check_code: "ABCD-EFGH", sha256: "aa", document: j }, "kk");
    expect(out.lines).toContain(translate(kk, "documents.verify.not_signed"));
    expect(out.lines.some((l) => l.includes("2026-11-01") && l.includes("2026-11-30"))).toBe(true);
  });
});

describe("the office details form", () => {
  const details: OfficeDetails = {
    name: { kk: "Аудан әкімдігі", ru: "Акимат района" },
    address: { kk: "Абай к-сі, 1", ru: "ул. Абая, 1" },
    phone: "+7 7172 00 00 00",
    head_position: { kk: "Аудан әкімі", ru: "Аким района" },
    head_name: { kk: "Қ. Сейітов", ru: "К. Сеитов" },
    outgoing_pattern: "YYYY-NNNNN/Ш",
  };

  it("round-trips the details", () => {
    expect(officeDetails(officeForm(details))).toEqual(details);
  });

  it("sends the values as typed, and places field errors on their inputs", () => {
    const form = { ...officeForm(details), name_ru: "  ", phone: "abc" };
    const out = officeDetails(form);
    expect(out.name).toEqual({ kk: "Аудан әкімдігі", ru: "  " });
    expect(out.phone).toBe("abc");
    expect(officeInput("name.ru")).toBe("name_ru");
    expect(officeInput("head_position.kk")).toBe("head_position_kk");
    expect(officeInput("phone")).toBe("phone");
  });
});
