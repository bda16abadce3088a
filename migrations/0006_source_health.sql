ALTER TABLE `sources` ADD `failing_since` integer;--> statement-breakpoint
ALTER TABLE `sources` ADD `deactivated_at` integer;--> statement-breakpoint
ALTER TABLE `sources` ADD `deactivated_reason` text;