-- Custom SQL migration file, put your code below! ---- drizzle-kit cannot express FTS5 virtual tables; this custom migration was created with
-- `drizzle-kit generate --custom --name search_index`. Rows hold normalized, stemmed terms
-- (src/text/normalize.ts), so one tokenizer serves Arabic, Russian and English alike.
CREATE VIRTUAL TABLE `articles_fts` USING fts5(
  `title`,
  `body`,
  content='',
  contentless_delete=1,
  tokenize='unicode61 remove_diacritics 2'
);
