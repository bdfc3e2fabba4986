/** Module wiring read from plan `configuration`, used to follow references across modules. */
export interface ModuleConfig {
  /** `type.name` / `data.type.name` → configuration expressions. */
  readonly resources: Map<string, unknown>;
  /** child module name → input variable → references (relative to this module). */
  readonly calls: Map<string, Map<string, string[]>>;
  /** output name → references (relative to this module). */
  readonly outputs: Map<string, string[]>;
}

/** Keyed by module config path without instance keys: '', `module.a`, `module.a.module.b`. */
export type ModuleIndex = Map<string, ModuleConfig>;

/** `module.a["x"].module.b[0]` → `module.a.module.b`. */
export function stripInstanceKeys(modulePath: string): string {
  if (modulePath.indexOf('[') < 0) return modulePath;
  let out = '';
  let from = 0;
  forEachInstanceKey(modulePath, (start, end) => {
    out += modulePath.slice(from, start);
    from = end;
  });
  return out + modulePath.slice(from);
}

/**
 * Call `key(start, end)` for every `[…]` instance key of an address, in order (`end` is past the
 * `]`; a `]` inside a quoted key does not end it). One pass, linear in the address; an unclosed
 * key or string ends the scan.
 */
export function forEachInstanceKey(address: string, key: (start: number, end: number) => void): void {
  let start = -1;
  for (let i = 0; i < address.length; i++) {
    const c = address.charCodeAt(i);
    if (start < 0) {
      if (c === 91 /* [ */) start = i;
      continue;
    }
    if (c === 34 /* " */) {
      i++;
      while (i < address.length && address.charCodeAt(i) !== 34) i += address.charCodeAt(i) === 92 ? 2 : 1;
      if (i >= address.length) return;
    } else if (c === 93 /* ] */) {
      key(start, i + 1);
      start = -1;
    }
  }
}

/** Assign an own property even for keys such as `__proto__` (no prototype pollution). */
export function setOwn<T>(obj: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    obj[key] = value;
  }
}
