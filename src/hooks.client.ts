import { applyLanguage } from '$lib/state/language';

// zod is configured where it is imported (src/lib/domain/zod.ts), so it stays out of the first load.

// Before the first screen renders: `<html lang>` and number formats follow the language.
applyLanguage();
