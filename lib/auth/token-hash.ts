import { createHash } from 'node:crypto';

/** How API tokens and password links are stored and looked up: SHA-256 in hex (they are long random strings). */
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
