import 'fake-indexeddb/auto';
import { z } from './lib/domain/zod';

z.config({ jitless: true });
