import { describe, expect, it } from "vitest";
import type { Contact, FieldDef } from "./backend";
import { birthdayProblem, emptyBirthday, emptyModel, inputFromModel, modelFromContact } from "./contactForm";

const defs: FieldDef[] = [
  { id: 1, name: "来源", kind: "choice", choices: ["展会", "转介绍"] },
  { id: 2, name: "合同号", kind: "text", choices: [] },
];

describe("contact form model", () => {
  it("starts with one empty phone row and one empty e-mail row", () => {
    const m = emptyModel();
    expect(m.phones).toEqual([{ label: "mobile", value: "" }]);
    expect(m.emails).toEqual([{ label: "work", value: "" }]);
  });

  it("sends what was typed untouched, every custom field, and no birthday when none is set", () => {
    const m = emptyModel();
    m.name = "  张三 ";
    m.note = "x".repeat(12_000);
    m.fields = { 1: "展会" };
    const input = inputFromModel(m, defs);
    expect(input.name).toBe("  张三 ");
    expect(input.note).toHaveLength(12_000);
    expect(input.birthday).toBeNull();
    expect(input.fields).toEqual([
      { fieldId: 1, value: "展会" },
      { fieldId: 2, value: "" },
    ]);
  });

  it("writes yearless and lunar leap-month birthdays in the wire form", () => {
    const m = emptyModel();
    m.birthday = { ...emptyBirthday(), calendar: "lunar", month: 4, day: 8, leapMonth: true };
    expect(inputFromModel(m, []).birthday).toEqual({ date: "--04-08", calendar: "lunar", leapMonth: true });
    m.birthday = { ...emptyBirthday(), calendar: "solar", year: 1985, yearUnknown: false, month: 9, day: 29, leapMonth: true };
    expect(inputFromModel(m, []).birthday).toEqual({ date: "1985-09-29", calendar: "solar", leapMonth: false });
  });

  it("flags half-entered birthdays before they reach the backend", () => {
    expect(birthdayProblem(emptyBirthday())).toBeNull();
    expect(birthdayProblem({ ...emptyBirthday(), month: 3 })).toBe("incomplete");
    expect(birthdayProblem({ ...emptyBirthday(), month: 3, day: 1, yearUnknown: false })).toBe("yearMissing");
    expect(birthdayProblem({ ...emptyBirthday(), month: 3, day: 1 })).toBeNull();
  });

  it("reads a contact back into the form with its labels and fields", () => {
    const c: Contact = {
      id: 9,
      name: "王五",
      salutation: "王总",
      company: "华北贸易",
      title: "总经理",
      phones: ["139 1234 5678", "010-1234567"],
      phoneLabels: ["mobile", "work"],
      emails: [],
      emailLabels: [],
      addresses: [{ label: "office", value: "北京市\n朝阳区" }],
      birthday: { date: "--08-15", calendar: "lunar", leapMonth: false },
      note: "喜欢喝茶",
      tags: ["茶"],
      groups: ["重要客户"],
      groupIds: [3],
      fields: [{ fieldId: 2, name: "合同号", kind: "text", value: "HT-1" }],
      tier: null,
      status: "active",
      createdAt: "2025-01-01T00:00:00Z",
      updatedAt: "2025-01-02T00:00:00Z",
      deletedAt: null,
    };
    const m = modelFromContact(c);
    expect(m.phones).toEqual([
      { label: "mobile", value: "139 1234 5678" },
      { label: "work", value: "010-1234567" },
    ]);
    expect(m.emails).toEqual([{ label: "work", value: "" }]);
    expect(m.birthday).toMatchObject({ calendar: "lunar", month: 8, day: 15, year: null, yearUnknown: true });
    expect(m.fields).toEqual({ 2: "HT-1" });
    const back = inputFromModel(m, defs);
    expect(back.addresses).toEqual([{ label: "office", value: "北京市\n朝阳区" }]);
    expect(back.birthday).toEqual({ date: "--08-15", calendar: "lunar", leapMonth: false });
  });
});
