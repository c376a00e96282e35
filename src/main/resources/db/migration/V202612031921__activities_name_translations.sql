-- The seeded activity types read in Turkish and Persian too (platform.TranslatedNames): names by language beside
-- the name. Rows that still carry the English name they were seeded with get the translations; a row someone
-- renamed keeps the name they gave it. Other modules read the names through activity_type_ref.
alter table activity_type add column name_translations jsonb not null default '{}';

update activity_type a set name_translations = t.names
from (values ('Email', jsonb '{"tr": "E-posta", "fa": "ایمیل"}'),
             ('Call', jsonb '{"tr": "Arama", "fa": "تماس"}'),
             ('Meeting', jsonb '{"tr": "Toplantı", "fa": "جلسه"}'),
             ('To-do', jsonb '{"tr": "Yapılacak iş", "fa": "کار"}')) as t (name, names)
where a.name = t.name and a.name_translations = '{}';

create or replace view activity_type_ref as
select id, name, name_translations from activity_type;
