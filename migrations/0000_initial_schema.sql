CREATE TABLE `admins` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`added_by` integer NOT NULL,
	`added_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `article_alternates` (
	`article_id` integer NOT NULL,
	`lang` text NOT NULL,
	`url` text NOT NULL,
	PRIMARY KEY(`article_id`, `lang`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `article_alternates_url` ON `article_alternates` (`url`);--> statement-breakpoint
CREATE TABLE `article_regions` (
	`article_id` integer NOT NULL,
	`region` text NOT NULL,
	`score` real NOT NULL,
	PRIMARY KEY(`article_id`, `region`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `article_regions_region` ON `article_regions` (`region`);--> statement-breakpoint
CREATE TABLE `article_topics` (
	`article_id` integer NOT NULL,
	`topic` text NOT NULL,
	`score` real NOT NULL,
	PRIMARY KEY(`article_id`, `topic`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `article_topics_topic` ON `article_topics` (`topic`);--> statement-breakpoint
CREATE TABLE `articles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` integer,
	`source_name` text,
	`dedup_key` text NOT NULL,
	`url` text,
	`title` text NOT NULL,
	`text` text NOT NULL,
	`lang` text NOT NULL,
	`declared_lang` text,
	`summary` text DEFAULT '[]' NOT NULL,
	`content_hash` text NOT NULL,
	`simhash` text,
	`cluster_id` integer,
	`is_breaking` integer DEFAULT false NOT NULL,
	`published_at` integer NOT NULL,
	`first_seen_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `articles_dedup_key_unique` ON `articles` (`dedup_key`);--> statement-breakpoint
CREATE INDEX `articles_first_seen` ON `articles` (`first_seen_at`);--> statement-breakpoint
CREATE INDEX `articles_cluster` ON `articles` (`cluster_id`);--> statement-breakpoint
CREATE INDEX `articles_content_hash` ON `articles` (`content_hash`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`admin_id` integer NOT NULL,
	`action` text NOT NULL,
	`target` text,
	`target_count` integer,
	`details` text,
	`at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `breaking_drafts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`admin_id` integer NOT NULL,
	`nonce` text NOT NULL,
	`text` text NOT NULL,
	`region` text DEFAULT 'all' NOT NULL,
	`topic` text DEFAULT 'all' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`article_id` integer,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `chats` (
	`id` integer PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`title` text,
	`locale` text,
	`telegram_locale` text,
	`time_zone` text NOT NULL,
	`digest_time` text NOT NULL,
	`frequency` text DEFAULT 'daily' NOT NULL,
	`weekly_day` integer DEFAULT 1 NOT NULL,
	`quiet_start` text,
	`quiet_end` text,
	`status` text DEFAULT 'active' NOT NULL,
	`last_digest_at` integer,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `deliveries` (
	`chat_id` integer NOT NULL,
	`article_id` integer NOT NULL,
	`cluster_id` integer,
	`outbox_id` integer,
	`delivered_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	PRIMARY KEY(`chat_id`, `article_id`),
	FOREIGN KEY (`chat_id`) REFERENCES `chats`(`id`) ON UPDATE cascade ON DELETE cascade,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `deliveries_chat_cluster` ON `deliveries` (`chat_id`,`cluster_id`);--> statement-breakpoint
CREATE TABLE `digest_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`chats` integer DEFAULT 0 NOT NULL,
	`messages` integer DEFAULT 0 NOT NULL,
	`trigger` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`chat_id` integer NOT NULL,
	`item_key` text NOT NULL,
	`kind` text NOT NULL,
	`priority` integer DEFAULT 0 NOT NULL,
	`text` text NOT NULL,
	`reply_markup` text,
	`article_ids` text DEFAULT '[]' NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`telegram_message_id` integer,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`chat_id`) REFERENCES `chats`(`id`) ON UPDATE cascade ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_chat_item` ON `outbox` (`chat_id`,`item_key`);--> statement-breakpoint
CREATE INDEX `outbox_queue` ON `outbox` (`status`,`priority`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`url` text NOT NULL,
	`name` text,
	`lang` text,
	`status` text DEFAULT 'active' NOT NULL,
	`etag` text,
	`last_modified` text,
	`last_fetched_at` integer,
	`last_success_at` integer,
	`last_error` text,
	`consecutive_failures` integer DEFAULT 0 NOT NULL,
	`next_fetch_at` integer,
	`items_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sources_url_unique` ON `sources` (`url`);--> statement-breakpoint
CREATE TABLE `subscriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`chat_id` integer NOT NULL,
	`region` text DEFAULT 'all' NOT NULL,
	`topic` text DEFAULT 'all' NOT NULL,
	`include_keywords` text,
	`exclude_keywords` text,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	FOREIGN KEY (`chat_id`) REFERENCES `chats`(`id`) ON UPDATE cascade ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subscriptions_chat_region_topic` ON `subscriptions` (`chat_id`,`region`,`topic`);