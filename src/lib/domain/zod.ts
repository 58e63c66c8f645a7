/**
 * zod, configured once for the whole app: every module that builds a schema imports `z` from
 * here, never from 'zod' itself. zod 4 probes `eval` for a fast path on first use; under the
 * app's Content-Security-Policy that probe is a reported violation, so it is switched off before
 * any schema exists. Importing it here instead of at start-up keeps zod out of the dashboard's
 * first load (docs/performance.md).
 *
 * Relative imports only: the command-line tools load this file too.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
