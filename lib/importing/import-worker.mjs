// Entry of the import worker thread. Not bundled by Next: the pool starts it from the project folder,
// and it loads the TypeScript sources through tsx (with the project's tsconfig paths).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const here = path.dirname(fileURLToPath(import.meta.url));
register({ tsconfig: path.join(here, '..', '..', 'tsconfig.json') });
await import('./import-worker.ts');
