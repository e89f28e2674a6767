'use server';

import { adminAction } from '@/lib/actions/safe-action';
import { createLot } from '@/lib/lots/create-lot';
import { createLotSchema, removeLotSchema, reorderLotsSchema, updateLotSchema } from '@/lib/lots/lot-form-schema';
import { removeLot } from '@/lib/lots/remove-lot';
import { reorderLots } from '@/lib/lots/reorder-lots';
import { updateLot } from '@/lib/lots/update-lot';

export const createLotAction = adminAction(createLotSchema, (input, { db, now, user, ip }) =>
  createLot({ db, now, adminId: user.id, ip, input }),
);

export const updateLotAction = adminAction(updateLotSchema, (input, { db, now, user, ip }) =>
  updateLot({ db, now, adminId: user.id, ip, input }),
);

export const reorderLotsAction = adminAction(reorderLotsSchema, ({ auctionId, lotIds }, { db, now, user, ip }) =>
  reorderLots({ db, now, adminId: user.id, ip, auctionId, lotIds }),
);

export const removeLotAction = adminAction(removeLotSchema, ({ lotId }, { db, now, user, ip }) =>
  removeLot({ db, now, adminId: user.id, ip, lotId }),
);
