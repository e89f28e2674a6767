import type { Lot } from '@/db/schema/auctions';
import { fenToYuanInput } from '@/lib/money';

type LotText = {
  title: string;
  description: string;
  coverUrl: string;
  images: string[];
  startPrice: string;
  reservePrice: string;
  depositAmount: string;
  estimateLow: string;
  estimateHigh: string;
};

const optionalYuan = (fen: number | null) => (fen === null ? '' : fenToYuanInput(fen));

/** A lot's prices as the forms show them (¥ text; empty for none). */
export function lotPriceValues(
  lot: Pick<Lot, 'startPrice' | 'reservePrice' | 'depositAmount' | 'estimateLow' | 'estimateHigh'>,
) {
  return {
    startPrice: fenToYuanInput(lot.startPrice),
    reservePrice: optionalYuan(lot.reservePrice),
    depositAmount: fenToYuanInput(lot.depositAmount),
    estimateLow: optionalYuan(lot.estimateLow),
    estimateHigh: optionalYuan(lot.estimateHigh),
  };
}

/** A stored lot as its form shows it. */
export function lotFormValues(lot: Lot, images: string[]): LotText {
  return {
    title: lot.title,
    description: lot.description,
    coverUrl: lot.coverUrl ?? '',
    images,
    ...lotPriceValues(lot),
  };
}

/** A new lot: design.md's lot deposit default, ¥200. */
export const NEW_LOT_VALUES: LotText = {
  title: '',
  description: '',
  coverUrl: '',
  images: [],
  startPrice: '',
  reservePrice: '',
  depositAmount: '200',
  estimateLow: '',
  estimateHigh: '',
};
