/**
 * How the files the user saves are protected: in clear, with a passphrase, or encrypted to the
 * public keys of chosen recipients (age format; see docs/file-formats.md, "Encrypted files").
 * Every export goes through `download` (`../download.ts`), which asks `protectForSaving` here.
 *
 * The choice of recipients and the CSV delimiter are remembered in this browser; a passphrase
 * only lives in memory until the page is closed. The age code loads only when a file is
 * actually encrypted, never with the first screen.
 */
import {
  readOwnKey,
  readRecipients,
  readSaving,
  writeSaving,
  type SavingChoice,
  type StoredOwnKey,
  type StoredRecipient
} from '$lib/storage/file-keys';

export type { StoredOwnKey, StoredRecipient };

/** Shortest passphrase the app accepts for a file or a key. */
export const MIN_PASSPHRASE = 10;

/** What a long step of encrypting or opening is doing, for a status line. */
export type FileWork = 'deriving-key' | 'encrypting' | 'decrypting' | null;

class Saving {
  #choice = $state<SavingChoice>(readSaving());
  #passphrase = $state('');
  ownKey = $state.raw<StoredOwnKey | null>(readOwnKey());
  recipients = $state.raw<StoredRecipient[]>(readRecipients());
  /** A long step under way, shown by the status line of the layout. */
  work = $state<FileWork>(null);

  get mode(): SavingChoice['mode'] {
    return this.#choice.mode;
  }
  get delimiter(): SavingChoice['delimiter'] {
    return this.#choice.delimiter;
  }
  get passphrase(): string {
    return this.#passphrase;
  }
  /** The chosen recipients that are still known (own key or added ones). */
  get chosen(): string[] {
    const known = new Set(this.recipients.map((r) => r.key));
    if (this.ownKey) known.add(this.ownKey.recipient);
    return this.#choice.recipients.filter((key) => known.has(key));
  }
  /** True when files are saved encrypted and the choice is complete. */
  get encrypting(): boolean {
    if (this.mode === 'passphrase') return this.#passphrase.length >= MIN_PASSPHRASE;
    if (this.mode === 'recipients') return this.chosen.length > 0;
    return false;
  }

  setMode(mode: SavingChoice['mode']): void {
    this.#choice.mode = mode;
    if (mode !== 'passphrase') this.#passphrase = '';
    this.#remember();
  }
  setPassphrase(passphrase: string): void {
    this.#passphrase = passphrase;
  }
  setDelimiter(delimiter: SavingChoice['delimiter']): void {
    this.#choice.delimiter = delimiter;
    this.#remember();
  }
  choose(key: string, chosen: boolean): void {
    const others = this.#choice.recipients.filter((k) => k !== key);
    this.#choice.recipients = chosen ? [...others, key] : others;
    this.#remember();
  }
  /** Reads the remembered keys again (after they changed). */
  reload(): void {
    this.ownKey = readOwnKey();
    this.recipients = readRecipients();
  }

  #remember(): void {
    writeSaving($state.snapshot(this.#choice));
  }
}

export const saving = new Saving();
