import 'server-only';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Executor } from '@/db';
import type { LifecycleRules } from '@/lib/engine/rules';
import { fenToYuanInput } from '@/lib/money';
import { csvStream, type CsvValue } from './csv';
import { exportAuctionBids } from './export-bids';
import { exportOrders } from './export-orders';
import type { OrderFilters } from './order-schemas';

/** Column titles in the operator's language, from the `adminCsv` messages. */
type Translate = (key: string) => string;

async function* mapBatches<T>(batches: AsyncIterable<T[]>, row: (item: T) => CsvValue[]) {
  for await (const batch of batches) yield batch.map(row);
}

const timeIn = (timeZone: string) => (instant: Date | null) =>
  instant ? format(new TZDate(instant, timeZone), 'yyyy-MM-dd HH:mm:ss') : null;

/** The orders list as CSV: amounts in yuan (two decimals), times on the wall clock of `timeZone`. */
export function ordersCsv(options: {
  db: Executor;
  filters: OrderFilters;
  now: Date;
  rules: LifecycleRules;
  timeZone: string;
  t: Translate;
}): ReadableStream<Uint8Array> {
  const { t } = options;
  const time = timeIn(options.timeZone);
  const columns = [
    'orderNo',
    'status',
    'auction',
    'lot',
    'buyer',
    'phone',
    'dealPrice',
    'premium',
    'coupon',
    'amountDue',
    'dueAt',
    'paidAt',
    'shippedAt',
    'carrier',
    'trackingNo',
  ];
  return csvStream(
    columns.map((column) => t(`columns.${column}`)),
    mapBatches(exportOrders(options), (order) => [
      order.orderNo,
      t(`orderStatus.${order.status}`),
      order.auctionTitle,
      order.lotTitle,
      order.buyerName,
      order.buyerPhone,
      fenToYuanInput(order.dealPrice),
      fenToYuanInput(order.buyerPremium),
      fenToYuanInput(order.couponDiscount),
      fenToYuanInput(order.amountDue),
      time(order.dueAt),
      time(order.paidAt),
      time(order.shippedAt),
      order.carrier,
      order.trackingNo,
    ]),
  );
}

/** An auction's bids as CSV, in the order they were placed. */
export function auctionBidsCsv(options: {
  db: Executor;
  auctionId: number;
  timeZone: string;
  t: Translate;
}): ReadableStream<Uint8Array> {
  const { t } = options;
  const time = timeIn(options.timeZone);
  const columns = ['lotNo', 'lot', 'bidder', 'phone', 'amount', 'proxy', 'placedAt'];
  return csvStream(
    columns.map((column) => t(`columns.${column}`)),
    mapBatches(exportAuctionBids(options), (bid) => [
      bid.lotPosition + 1,
      bid.lotTitle,
      bid.bidderName,
      bid.bidderPhone,
      fenToYuanInput(bid.amount),
      bid.isProxy ? t('yes') : t('no'),
      time(bid.placedAt),
    ]),
  );
}
