-- Which database transaction applied an effect: the records of one poll share one.
ALTER TABLE reservation_effect ADD COLUMN transaction_id bigint;
