import { z } from 'zod';

// zod 4 probes `eval` for a fast path; under our CSP that probe is a reported violation.
z.config({ jitless: true });
