/**
 * What the browser allows and what changed underneath the app: a waiting new version (service
 * worker), a database upgraded by a newer app in another tab, a database that cannot open.
 */
import { base } from '$app/paths';
import {
  checkDatabase,
  onDatabaseBlocked,
  onDatabaseReplaced,
  openFailure,
  type OpenFailure
} from '$lib/storage/db';

export type { OpenFailure };

class Platform {
  /** A new version is installed and waits for "reload to update". */
  updateReady = $state(false);
  /** Another tab opened the database with a newer schema: this tab must reload. */
  staleSchema = $state(false);
  /** This tab must upgrade the database, but an older tab still has it open. */
  upgradeBlocked = $state(false);
  /** The database could not be opened: the recovery screen is shown. */
  databaseError = $state<OpenFailure | null>(null);
  readonly secure = typeof window !== 'undefined' && window.isSecureContext;
  #waiting: ServiceWorker | null = null;

  async start(): Promise<void> {
    onDatabaseReplaced(() => (this.staleSchema = true));
    onDatabaseBlocked(() => (this.upgradeBlocked = true));
    try {
      await checkDatabase();
      this.upgradeBlocked = false;
    } catch (error) {
      // The cause, not the message: the recovery screen says it in the app's own words.
      console.warn('The database could not be opened', error);
      this.databaseError = openFailure(error);
    }
    await this.#registerServiceWorker();
  }

  applyUpdate(): void {
    if (!this.#waiting) {
      location.reload();
      return;
    }
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), {
      once: true
    });
    this.#waiting.postMessage({ type: 'skip-waiting' });
  }

  async #registerServiceWorker(): Promise<void> {
    // Service workers need a secure context (https or localhost) and are off in development.
    if (!this.secure || !('serviceWorker' in navigator) || import.meta.env.DEV) return;
    try {
      const registration = await navigator.serviceWorker.register(`${base}/service-worker.js`, {
        scope: `${base}/`
      });
      const offer = (worker: ServiceWorker | null) => {
        // Only an update: on the very first install there is no controller yet.
        if (worker && navigator.serviceWorker.controller) {
          this.#waiting = worker;
          this.updateReady = true;
        }
      };
      offer(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const installing = registration.installing;
        installing?.addEventListener('statechange', () => {
          if (installing.state === 'installed') offer(installing);
        });
      });
      // Look for a new version now and then while the app stays open for a long workshop.
      setInterval(() => void registration.update().catch(() => {}), 30 * 60 * 1000);
    } catch (error) {
      console.warn('Service worker registration failed', error);
    }
  }
}

export const platform = new Platform();
