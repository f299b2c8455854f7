// In-process caches and recent-entry maps must not grow without bound. A Map keeps insertion order,
// so the first key is the one set longest ago: it goes first when the map is full.

/** Sets `key` as the newest entry, dropping the oldest one when the map already holds `limit`. */
export function setBounded<K, V>(map: Map<K, V>, key: K, value: V, limit: number): void {
  map.delete(key);
  if (map.size >= limit) {
    const oldest = map.keys().next();
    if (!oldest.done) {
      map.delete(oldest.value);
    }
  }
  map.set(key, value);
}
