-- The words accounts are found by that can be misspelt (three letters or more; no numbers or addresses), so that a misspelt word can be matched to the words that exist
-- ("yilmazlr" → "yilmazlar") before the accounts are searched.
create table customer_search_word (
    word text primary key
);
create index customer_search_word_trgm on customer_search_word using gin (word gin_trgm_ops);

insert into customer_search_word (word)
select distinct word from customer, unnest(string_to_array(search_text, ' ')) as word
where word ~ '^[[:alpha:]]{3,}$'
on conflict do nothing;
