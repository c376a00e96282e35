-- What a price is looked up by (Prices.bestRule): the rules for the product, for one of its categories, and for
-- every product, of the lists that apply. Its condition is one "or" of the three; with an index for each kind,
-- PostgreSQL reads the few rules that can match instead of every rule of every list (a scan of 20,000 rules at
-- 100,000 products, 2.5 ms of the 3 a price took; 0.4 ms with these).
create index price_rule_by_category on price_rule (category) where category is not null;
create index price_rule_for_every_product on price_rule (price_list) where product is null and category is null;
