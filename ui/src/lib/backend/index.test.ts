import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// The generated bindings call Tauri's invoke; here each command is a mock whose result the
// test chooses.
const mocks = vi.hoisted(() => ({
  contactsGet: vi.fn(),
  appInfo: vi.fn(),
}));
vi.mock("./bindings", () => ({ commands: mocks }));

import { BackendError, NotInAppError, backend, toAppError, unwrap } from "./index";

type TauriWindow = Window & { __TAURI_INTERNALS__?: unknown };

beforeEach(() => {
  (window as TauriWindow).__TAURI_INTERNALS__ = {};
});
afterEach(() => {
  delete (window as TauriWindow).__TAURI_INTERNALS__;
  vi.resetAllMocks();
});

describe("backend wrapper", () => {
  it("returns the data of an ok result", async () => {
    mocks.contactsGet.mockResolvedValue({ status: "ok", data: { id: 7, name: "张三" } });
    await expect(backend.contactsGet(7)).resolves.toEqual({ id: 7, name: "张三" });
    expect(mocks.contactsGet).toHaveBeenCalledWith(7);
  });

  it("throws a BackendError carrying code, translated message and field", async () => {
    mocks.contactsGet.mockResolvedValue({
      status: "error",
      error: { code: "invalid_input", message: "请填写姓名。", field: "name" },
    });
    const e = await backend.contactsGet(1).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BackendError);
    expect(e).toMatchObject({ code: "invalid_input", message: "请填写姓名。", field: "name" });
  });

  it("maps a missing field to null", async () => {
    mocks.contactsGet.mockResolvedValue({ status: "error", error: { code: "not_found", message: "No contact" } });
    await expect(backend.contactsGet(1)).rejects.toMatchObject({ code: "not_found", field: null });
  });

  it("turns Tauri's bare-string rejections into an internal error", async () => {
    mocks.appInfo.mockResolvedValue({ status: "error", error: "command app_info not found" });
    await expect(backend.appInfo()).rejects.toMatchObject({
      code: "internal",
      message: "command app_info not found",
      field: null,
    });
  });

  it("turns a broken IPC bridge (a thrown Error) into an ipc error", async () => {
    mocks.appInfo.mockRejectedValue(new Error("IPC channel closed"));
    const e = await backend.appInfo().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BackendError);
    expect(e).toMatchObject({ code: "ipc", message: "IPC channel closed" });
  });

  it("refuses to run outside the app, without calling the bindings", async () => {
    delete (window as TauriWindow).__TAURI_INTERNALS__;
    await expect(backend.appInfo()).rejects.toBeInstanceOf(NotInAppError);
    expect(mocks.appInfo).not.toHaveBeenCalled();
  });
});

describe("toAppError / unwrap", () => {
  it("keeps a well-formed AppError as it is", () => {
    expect(toAppError({ code: "group_name_taken", message: "已有", field: "name" })).toEqual({
      code: "group_name_taken",
      message: "已有",
      field: "name",
    });
  });

  it("describes anything else as internal", () => {
    expect(toAppError(42)).toEqual({ code: "internal", message: "42", field: null });
  });

  it("unwrap returns data or throws", () => {
    expect(unwrap({ status: "ok", data: 3 })).toBe(3);
    expect(() => unwrap({ status: "error", error: { code: "x", message: "m", field: null } })).toThrow(BackendError);
  });
});
