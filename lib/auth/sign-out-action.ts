'use server';

import { signOut } from './index';

/** Public: signing out needs no permission. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/' });
}
