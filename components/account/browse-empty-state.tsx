import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

/** An empty account list (no orders, deposits or bids yet): what it means, and the way to the auctions. */
export function BrowseEmptyState({ title, body, browse }: { title: string; body: string; browse: string }) {
  return (
    <EmptyState
      title={title}
      body={body}
      action={
        <Link href="/" className={buttonClass()}>
          {browse}
        </Link>
      }
    />
  );
}
