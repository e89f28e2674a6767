import 'server-only';
import { applyAuctionEvent, type AuctionVerbOptions } from './apply-auction-event';

/** CANCEL before the auction goes live: its lots are cancelled and every held deposit refunded in full. */
export const cancelAuction = (options: AuctionVerbOptions) => applyAuctionEvent(options, 'CANCEL');
