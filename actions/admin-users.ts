'use server';

import { adminAction } from '@/lib/actions/safe-action';
import { biddingBlockSchema, changeRoleSchema, liftStrikesSchema } from '@/lib/users/admin-user-schemas';
import { changeRole } from '@/lib/users/change-role';
import { liftStrikes } from '@/lib/users/lift-strikes';
import { setBiddingBlock } from '@/lib/users/set-bidding-block';

export const changeRoleAction = adminAction(changeRoleSchema, ({ userId, role }, { db, now, user, ip }) =>
  changeRole({ db, now, adminId: user.id, ip, userId, role }),
);

export const setBiddingBlockAction = adminAction(biddingBlockSchema, ({ userId, blocked }, { db, now, user, ip }) =>
  setBiddingBlock({ db, now, adminId: user.id, ip, userId, blocked }),
);

export const liftStrikesAction = adminAction(liftStrikesSchema, ({ userId }, { db, now, user, ip }) =>
  liftStrikes({ db, now, adminId: user.id, ip, userId }),
);
