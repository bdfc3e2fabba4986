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
  return modulePath.replace(/\[(?:"(?:[^"\\]|\\.)*"|[^\]]*)\]/g, '');
}

/** Assign an own property even for keys such as `__proto__` (no prototype pollution). */
export function setOwn<T>(obj: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    obj[key] = value;
  }
}
