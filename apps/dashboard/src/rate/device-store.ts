// What the questionnaire keeps on this device (localStorage), per invitation: a value read back
// as JSON, or nothing when it was never written, cannot be read, or storage is off.

/** The value kept under `key`, or null. */
export function readKept(key: string): unknown {
  try {
    const stored = window.localStorage.getItem(key);
    return stored === null ? null : (JSON.parse(stored) as unknown);
  } catch {
    return null;
  }
}

/** Keeps `value` under `key` (null: keeps nothing there any more). */
export function writeKept(key: string, value: unknown): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage may be off (private browsing): it then lasts until the page is left.
  }
}
