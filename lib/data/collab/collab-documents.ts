// lib/collab/** imports these from here (another change owns that folder); each use case lives in its own file.
export { loadCollabDocument } from './load-collab-document';
export type { StoredCollabDocument } from './load-collab-document';
export { checkCollabAccess } from './check-collab-access';
export { findEndedSessions } from './find-ended-sessions';
export { findClaimArticleId } from './find-claim-article-id';
export { storeInitialCollabState } from './store-initial-collab-state';
export { changeCollabDocumentOnce } from './change-collab-document-once';
export { appendCollabUpdates } from './append-collab-updates';
export { saveCollabDocument } from './save-collab-document';
export type { StoredClaimMark, CollabSaveDerivation } from './save-collab-document';
