import { z } from 'zod';
import { applyLanguage } from '$lib/state/language';

// zod 4 probes `eval` for a fast path; under our CSP that probe is a reported violation.
z.config({ jitless: true });

// Before the first screen renders: `<html lang>` and number formats follow the language.
applyLanguage();
