export * from './users';
export * from './auctions';
export * from './bidding';
export * from './commerce';
export * from './coupons';
export * from './activity';
