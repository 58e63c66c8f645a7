import 'fake-indexeddb/auto';
import { z } from 'zod';

z.config({ jitless: true });
