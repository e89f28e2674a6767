/** The home page's groups, in the order it shows them. Client-safe. */
export const AUCTION_GROUP_NAMES = ['live', 'preview', 'upcoming', 'ended'] as const;
