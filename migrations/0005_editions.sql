ALTER TABLE `chats` ADD `suspended_reason` text;--> statement-breakpoint
ALTER TABLE `chats` ADD `telegram_id` integer;--> statement-breakpoint
ALTER TABLE `chats` ADD `thread_id` integer;--> statement-breakpoint
ALTER TABLE `chats` ADD `subscriptions_of` integer;--> statement-breakpoint
ALTER TABLE `chats` ADD `managed_by` integer;--> statement-breakpoint
ALTER TABLE `chats` ADD `digits` text;--> statement-breakpoint
CREATE UNIQUE INDEX `chats_topic_edition` ON `chats` (`telegram_id`,`thread_id`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `send_to` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `thread_id` integer;