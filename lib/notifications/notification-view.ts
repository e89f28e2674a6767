import { formatFen } from '@/lib/money';

/** The kinds the app queues (lib/sql/outbox-rows.ts callers); each is a message in `notifications`. */
export const NOTIFICATION_KINDS = [
  'outbid',
  'order_created',
  'payment_due_soon',
  'order_overdue',
  'refund_made',
  'bidding_blocked',
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Keys of `data` that hold money in fen: shown as ¥ text in the reader's language. */
const MONEY_KEYS = ['price', 'amount', 'forfeited'] as const;

const positiveId = (value: unknown): number | null =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null;

/**
 * How one stored notification reads: the message parameters (money formatted for `locale`,
 * everything else as stored) and where it leads — the lot for bidding news, the buyer's
 * orders or deposits for money news.
 */
export function notificationView(
  kind: NotificationKind,
  data: Record<string, unknown>,
  locale: string,
): { params: Record<string, string | number>; href: string | null } {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'string' || typeof value === 'number') params[key] = value;
  }
  for (const key of MONEY_KEYS) {
    const fen = Number(data[key]);
    if (data[key] !== undefined && Number.isSafeInteger(fen)) params[key] = formatFen(fen, locale);
  }
  return { params, href: hrefOf(kind, data) };
}

function hrefOf(kind: NotificationKind, data: Record<string, unknown>): string | null {
  const lotId = positiveId(data.lotId);
  switch (kind) {
    case 'outbid':
      return lotId ? `/lots/${lotId}` : null;
    case 'order_created':
    case 'payment_due_soon':
    case 'order_overdue':
      return '/me/orders';
    case 'refund_made':
      return data.purpose === 'order' ? '/me/orders' : '/me/deposits';
    case 'bidding_blocked':
      return null;
  }
}
