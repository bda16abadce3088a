CREATE TABLE `chat_mutes` (
	`chat_id` integer NOT NULL,
	`kind` text NOT NULL,
	`value` text NOT NULL,
	`label` text,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	PRIMARY KEY(`chat_id`, `kind`, `value`),
	FOREIGN KEY (`chat_id`) REFERENCES `chats`(`id`) ON UPDATE cascade ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `chats` ADD `reading_langs` text;--> statement-breakpoint
ALTER TABLE `chats` ADD `other_langs` text DEFAULT 'tag' NOT NULL;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `lang` text;