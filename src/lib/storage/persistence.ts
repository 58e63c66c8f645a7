/**
 * Persistent storage and quota (docs/architecture.md, "Storage shape"). Browsers may evict
 * IndexedDB under pressure unless the site is granted persistence, which needs a secure context.
 */
export interface StorageStatus {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
  secure: boolean;
}

export async function requestPersistence(): Promise<boolean | null> {
  if (!navigator.storage?.persist) return null;
  try {
    if (await navigator.storage.persisted()) return true;
    return await navigator.storage.persist();
  } catch {
    return null;
  }
}

export async function storageStatus(): Promise<StorageStatus> {
  const secure = globalThis.isSecureContext === true;
  if (!navigator.storage?.estimate) return { usage: null, quota: null, persisted: null, secure };
  const [estimate, persisted] = await Promise.all([
    navigator.storage.estimate().catch(() => ({}) as StorageEstimate),
    navigator.storage.persisted?.().catch(() => null) ?? Promise.resolve(null)
  ]);
  return { usage: estimate.usage ?? null, quota: estimate.quota ?? null, persisted, secure };
}
