ALTER TYPE "public"."order_status" ADD VALUE 'confirming_payment' BEFORE 'paid';--> statement-breakpoint
ALTER TABLE "auctions" DROP CONSTRAINT "auctions_amounts_valid";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "strikes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "bidding_blocked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "auctions" ADD COLUMN "anti_sniping_extension_minutes" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "auctions" ADD COLUMN "anti_sniping_cap_minutes" integer;--> statement-breakpoint
ALTER TABLE "auctions" ADD COLUMN "closing_interval_seconds" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "lots" ADD COLUMN "scheduled_ends_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sandbox_transactions" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sandbox_transactions" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "deposits_open_idx" ON "deposits" USING btree ("auction_id") WHERE "deposits"."status" in ('held', 'frozen');--> statement-breakpoint
ALTER TABLE "notifications" DROP COLUMN "title";--> statement-breakpoint
ALTER TABLE "notifications" DROP COLUMN "body";--> statement-breakpoint
ALTER TABLE "auctions" ADD CONSTRAINT "auctions_amounts_valid" CHECK ("auctions"."deposit_amount" >= 0 and "auctions"."buyer_premium_bps" between 0 and 10000 and "auctions"."anti_sniping_minutes" >= 0 and "auctions"."total_price" >= 0
        and "auctions"."anti_sniping_extension_minutes" >= 0 and ("auctions"."anti_sniping_cap_minutes" is null or "auctions"."anti_sniping_cap_minutes" >= 0)
        and "auctions"."closing_interval_seconds" >= 0);