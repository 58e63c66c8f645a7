/**
 * The built-in questionnaire versions this build ships, by `id@version`, with the digest of each
 * (from the build's index): the current editions and every earlier one; every importer refuses a file whose copy of one of them differs
 * (see docs/file-formats.md, "Questionnaire versions a file may carry"). Kept apart from the
 * registry so the storage layer can read it without importing the registry, which imports it.
 */
import index, { editions } from 'virtual:questionnaire-index';
import type { ShippedDigests } from '$lib/domain/known-questionnaires';

export const shippedDigests: ShippedDigests = new Map(
  [...index, ...editions].map((entry) => [`${entry.id}@${entry.version}`, entry.sha256])
);
