/**
 * Last resort when Dexie cannot open the database (a newer schema from another install, a
 * damaged store): read every object store with the raw IndexedDB API at whatever version it has,
 * so the user can save a copy before anything else happens.
 */
import { DB_NAME } from './db';

export async function readRawDatabase(name = DB_NAME): Promise<Record<string, unknown[]>> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () =>
      reject(request.error ?? new Error('The database cannot be opened at all.'));
  });
  const out: Record<string, unknown[]> = {};
  try {
    for (const store of Array.from(db.objectStoreNames)) {
      out[store] = await new Promise<unknown[]>((resolve) => {
        try {
          const request = db.transaction(store, 'readonly').objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => resolve([]);
        } catch {
          resolve([]);
        }
      });
    }
  } finally {
    db.close();
  }
  return out;
}
