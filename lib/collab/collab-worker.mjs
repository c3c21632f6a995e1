// Entry of the collaboration thread (lib/collab/collab-thread.ts). Not bundled by Next: it is started from the
// project folder and loads the TypeScript sources through tsx (with the project's tsconfig paths).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const here = path.dirname(fileURLToPath(import.meta.url));
register({ tsconfig: path.join(here, '..', '..', 'tsconfig.json') });
await import('./collab-worker.ts');
