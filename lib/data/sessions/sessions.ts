// lib/collab/session.ts reads the session actor here; the use cases live in their own files.
export { findSessionActor } from './find-session-actor';
