/**
 * Freezes an object graph in place (plain objects and arrays; typed arrays are left alone, since
 * they cannot be frozen) and returns it with a readonly type.
 *
 * @param value - a freshly built value that nobody else holds yet
 * @returns the same value, frozen
 * @example
 * Object.isFrozen(deepFreeze({ a: [1] }).a); // true
 * @throws never
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || ArrayBuffer.isView(value) || Object.isFrozen(value)) return value;
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}
