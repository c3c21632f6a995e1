/** Absolute links (structured data, feeds, Open Graph) need the public address; FACTMARK_PUBLIC_URL sets it. */
export const publicOrigin = () => (process.env.FACTMARK_PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '');
