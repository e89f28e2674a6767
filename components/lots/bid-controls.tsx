'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { placeBidAction, setProxyBidAction } from '@/actions/bids';
import { Button } from '@/components/ui/button';
import type { LotLive } from '@/lib/api/v1/schemas';
import { fenToYuanInput, formatFen, parseYuan } from '@/lib/money';

/** The step buttons: the next minimum, then two and five increments above the current price. */
const STEPS = [1, 2, 5] as const;

type Feedback = { tone: 'ok' | 'error'; text: string };

/**
 * Quick bid, bigger steps, a custom amount and a proxy maximum. One request at a time: every
 * button is disabled while one is pending, and the server's keys refuse a duplicate anyway.
 */
export function BidControls({
  lotId,
  nextMinimumBid,
  increment,
  proxyMax,
  onPlaced,
}: {
  lotId: number;
  nextMinimumBid: number;
  increment: number;
  proxyMax: number | null;
  /** Gets the lot's state as the server read it right after the bid. */
  onPlaced: (live: LotLive | null) => Promise<void>;
}) {
  const t = useTranslations('lotPage');
  const locale = useLocale();
  const [pending, startTransition] = useTransition();
  const [feedback, setFeedback] = useState<Feedback>();
  const [amount, setAmount] = useState('');
  const [maxAmount, setMaxAmount] = useState('');

  const run = (send: () => ReturnType<typeof placeBidAction>, done: (leading: boolean) => string) =>
    startTransition(async () => {
      setFeedback(undefined);
      const result = await send();
      if (result.ok) {
        setFeedback({ tone: 'ok', text: done(result.data.leading) });
        await onPlaced(result.data.live);
      } else {
        const field = Object.values(result.fieldErrors)[0]?.[0];
        setFeedback({ tone: 'error', text: result.code === 'VALIDATION' && field ? field : result.error });
      }
    });

  const bid = (fen: number) =>
    run(
      () => placeBidAction({ lotId, amount: fenToYuanInput(fen) }),
      (leading) => (leading ? t('bidPlaced', { amount: formatFen(fen, locale) }) : t('bidOutbidAtOnce')),
    );

  const customBid = (event: React.FormEvent) => {
    event.preventDefault();
    const fen = parseYuan(amount);
    if (fen === null || fen <= 0) return setFeedback({ tone: 'error', text: t('amountInvalid') });
    bid(fen);
  };

  const proxy = (event: React.FormEvent) => {
    event.preventDefault();
    const fen = parseYuan(maxAmount);
    if (fen === null || fen <= 0) return setFeedback({ tone: 'error', text: t('amountInvalid') });
    run(
      () => setProxyBidAction({ lotId, maxAmount }),
      (leading) => t(leading ? 'proxySetLeading' : 'proxySet', { amount: formatFen(fen, locale) }),
    );
  };

  const stepAmount = (steps: number) => nextMinimumBid + (steps - 1) * increment;
  return (
    <div className="space-y-4" data-testid="bid-controls">
      <div className="grid grid-cols-3 gap-2">
        {STEPS.map((steps) => (
          <Button
            key={steps}
            type="button"
            variant={steps === 1 ? 'primary' : 'secondary'}
            className="h-auto min-h-12 flex-col gap-0 px-2 py-1.5"
            disabled={pending}
            onClick={() => bid(stepAmount(steps))}
            data-testid={steps === 1 ? 'quick-bid' : `step-bid-${steps}`}
          >
            <span className="text-xs opacity-80">{steps === 1 ? t('quickBid') : t('stepBid', { steps })}</span>
            <span className="font-semibold">{formatFen(stepAmount(steps), locale)}</span>
          </Button>
        ))}
      </div>
      <form onSubmit={customBid} className="flex gap-2">
        <label className="sr-only" htmlFor={`amount-${lotId}`}>
          {t('customAmount')}
        </label>
        <input
          id={`amount-${lotId}`}
          inputMode="decimal"
          maxLength={24}
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
          placeholder={t('customPlaceholder', { amount: fenToYuanInput(nextMinimumBid) })}
          className="h-11 min-w-0 flex-1 rounded-lg border border-stone-300 px-3 text-base"
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          {t('placeBid')}
        </Button>
      </form>
      <form onSubmit={proxy} className="space-y-1">
        <div className="flex gap-2">
          <label className="sr-only" htmlFor={`proxy-${lotId}`}>
            {t('proxyMax')}
          </label>
          <input
            id={`proxy-${lotId}`}
            inputMode="decimal"
            maxLength={24}
            value={maxAmount}
            onChange={(event) => setMaxAmount(event.target.value)}
            placeholder={t('proxyPlaceholder')}
            className="h-11 min-w-0 flex-1 rounded-lg border border-stone-300 px-3 text-base"
          />
          <Button type="submit" variant="secondary" disabled={pending}>
            {t('setProxy')}
          </Button>
        </div>
        <p className="text-xs text-stone-500" data-testid="my-proxy">
          {proxyMax === null ? t('proxyHelp') : t('myProxy', { amount: formatFen(proxyMax, locale) })}
        </p>
      </form>
      <p aria-live="polite" className="min-h-5 text-sm" data-testid="bid-feedback">
        {feedback && (
          <span className={feedback.tone === 'ok' ? 'text-brand-700' : 'text-red-700'}>{feedback.text}</span>
        )}
      </p>
    </div>
  );
}
