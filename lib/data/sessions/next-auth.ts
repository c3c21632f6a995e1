import 'server-only';
import { createAuth } from '@/lib/auth/next-auth';
import { checkCredentials } from './check-credentials';
import { findUserForSingleSignOn } from './find-user-for-single-sign-on';

/** Auth.js over the database's users: route handlers, sign-in and sign-out actions, and getActor use these. */
export const { handlers, auth, signIn, signOut } = createAuth({ checkCredentials, findUserForSingleSignOn });
