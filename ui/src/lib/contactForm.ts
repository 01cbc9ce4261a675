// The add/edit form's model and its conversion to and from what the backend speaks.
// Only shape checks live here (a birthday needs both month and day); whether values are
// valid is the backend's call, and its errors come back naming the field.

import type { Calendar, Contact, ContactInput, FieldDef, FieldId, GroupId, Labelled, Status } from "./backend";
import { birthdayDate, parseBirthdayDate } from "./birthday";

export interface BirthdayModel {
  calendar: Calendar;
  year: number | null;
  month: number | null;
  day: number | null;
  yearUnknown: boolean;
  leapMonth: boolean;
}

export interface ContactFormModel {
  name: string;
  salutation: string;
  company: string;
  title: string;
  phones: Labelled[];
  emails: Labelled[];
  addresses: Labelled[];
  birthday: BirthdayModel;
  note: string;
  tags: string[];
  groupIds: GroupId[];
  /** Custom field values by field id, as typed. */
  fields: Record<FieldId, string>;
  status: Status;
}

export function emptyBirthday(): BirthdayModel {
  return { calendar: "solar", year: null, month: null, day: null, yearUnknown: true, leapMonth: false };
}

export function emptyModel(): ContactFormModel {
  return {
    name: "",
    salutation: "",
    company: "",
    title: "",
    // One empty row each, so the first phone and e-mail can be typed straight away.
    phones: [{ label: "mobile", value: "" }],
    emails: [{ label: "work", value: "" }],
    addresses: [],
    birthday: emptyBirthday(),
    note: "",
    tags: [],
    groupIds: [],
    fields: {},
    status: "active",
  };
}

export function modelFromContact(c: Contact): ContactFormModel {
  const labelled = (values: string[], labels: string[]): Labelled[] =>
    values.map((value, i) => ({ label: labels[i] ?? "", value }));
  const phones = labelled(c.phones, c.phoneLabels);
  const emails = labelled(c.emails, c.emailLabels);
  let birthday = emptyBirthday();
  if (c.birthday) {
    const p = parseBirthdayDate(c.birthday.date);
    if (p) {
      birthday = {
        calendar: c.birthday.calendar,
        year: p.year,
        month: p.month,
        day: p.day,
        yearUnknown: p.year == null,
        leapMonth: c.birthday.calendar === "lunar" && c.birthday.leapMonth,
      };
    }
  }
  const fields: Record<FieldId, string> = {};
  for (const f of c.fields) fields[f.fieldId] = f.value;
  return {
    name: c.name,
    salutation: c.salutation,
    company: c.company,
    title: c.title,
    phones: phones.length ? phones : [{ label: "mobile", value: "" }],
    emails: emails.length ? emails : [{ label: "work", value: "" }],
    addresses: c.addresses.map((a) => ({ ...a })),
    birthday,
    note: c.note,
    tags: [...c.tags],
    groupIds: [...c.groupIds],
    fields,
    status: c.status,
  };
}

export type BirthdayProblem = "incomplete" | "yearMissing";

/** A shape problem the backend cannot name for us (it never sees half a date). */
export function birthdayProblem(b: BirthdayModel): BirthdayProblem | null {
  const any = b.month != null || b.day != null || (!b.yearUnknown && b.year != null);
  if (!any) return null;
  if (b.month == null || b.day == null) return "incomplete";
  if (!b.yearUnknown && b.year == null) return "yearMissing";
  return null;
}

/** The input the backend receives. Call only when `birthdayProblem` is null. */
export function inputFromModel(m: ContactFormModel, defs: FieldDef[]): ContactInput {
  const b = m.birthday;
  const birthday =
    b.month != null && b.day != null
      ? {
          date: birthdayDate({ year: b.yearUnknown ? null : b.year, month: b.month, day: b.day }),
          calendar: b.calendar,
          leapMonth: b.calendar === "lunar" && b.leapMonth,
        }
      : null;
  return {
    name: m.name,
    salutation: m.salutation,
    company: m.company,
    title: m.title,
    // Blank rows are dropped by the backend; the text itself is sent untouched.
    phones: m.phones.map((r) => ({ label: r.label, value: r.value })),
    emails: m.emails.map((r) => ({ label: r.label, value: r.value })),
    addresses: m.addresses.map((r) => ({ label: r.label, value: r.value })),
    birthday,
    note: m.note,
    tags: [...m.tags],
    groupIds: [...m.groupIds],
    // Every defined field is sent: an empty value clears it.
    fields: defs.map((d) => ({ fieldId: d.id, value: m.fields[d.id] ?? "" })),
    status: m.status,
  };
}

/** Days a solar month can have (29 February exists in leap years). */
export function solarDaysIn(month: number | null): number {
  if (month === 2) return 29;
  if (month === 4 || month === 6 || month === 9 || month === 11) return 30;
  return 31;
}
