'use server';

import { z } from 'zod';
import { publicAction } from '@/lib/actions/safe-action';
import { signOut } from '@/lib/auth';

/** Public: signing out needs no permission, and the form sends nothing it needs. */
const signOutNow = publicAction(z.unknown(), async () => {
  await signOut({ redirectTo: '/' });
});

/** The sign-out button's form action. */
export async function signOutAction(formData: FormData): Promise<void> {
  await signOutNow(formData);
}
