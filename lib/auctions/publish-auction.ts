import 'server-only';
import { applyAuctionEvent, type AuctionVerbOptions } from './apply-auction-event';

/** PUBLISH: a draft with at least one lot and its times in order, all in the future, is scheduled. */
export const publishAuction = (options: AuctionVerbOptions) => applyAuctionEvent(options, 'PUBLISH');
