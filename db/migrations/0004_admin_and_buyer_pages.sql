CREATE TABLE "lot_views" (
	"lot_id" integer NOT NULL,
	"visitor" text NOT NULL,
	"day" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lot_views_lot_id_visitor_day_pk" PRIMARY KEY("lot_id","visitor","day")
);
--> statement-breakpoint
ALTER TABLE "lots" DROP CONSTRAINT "lots_amounts_valid";--> statement-breakpoint
ALTER TABLE "auctions" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "lots" ADD COLUMN "estimate_low" bigint;--> statement-breakpoint
ALTER TABLE "lots" ADD COLUMN "estimate_high" bigint;--> statement-breakpoint
ALTER TABLE "lots" ADD COLUMN "view_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "lots" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "carrier" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "lot_views" ADD CONSTRAINT "lot_views_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."lots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lots" ADD CONSTRAINT "lots_amounts_valid" CHECK ("lots"."start_price" >= 0 and "lots"."deposit_amount" >= 0 and ("lots"."reserve_price" is null or "lots"."reserve_price" >= 0) and "lots"."bid_count" >= 0
        and "lots"."view_count" >= 0 and ("lots"."estimate_low" is null or "lots"."estimate_high" is null or "lots"."estimate_low" <= "lots"."estimate_high"));