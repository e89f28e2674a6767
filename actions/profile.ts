'use server';

import { buyerAction } from '@/lib/actions/safe-action';
import { updateProfileSchema } from '@/lib/users/profile-schema';
import { updateProfile } from '@/lib/users/update-profile';

export const updateProfileAction = buyerAction(updateProfileSchema, (input, { user, db, now }) =>
  updateProfile({ db, userId: user.id, input, now }),
);
