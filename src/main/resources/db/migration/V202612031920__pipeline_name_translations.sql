-- The seeded team, stages and lost reasons read in Turkish and Persian too (platform.TranslatedNames): names by
-- language beside the name. Rows that still carry the English name they were seeded with get the translations;
-- a row someone renamed keeps the name they gave it.
alter table sales_team add column name_translations jsonb not null default '{}';
alter table pipeline_stage add column name_translations jsonb not null default '{}';
alter table lost_reason add column name_translations jsonb not null default '{}';

update sales_team set name_translations = '{"tr": "Satış", "fa": "فروش"}' where name = 'Sales' and name_translations = '{}';

update pipeline_stage s set name_translations = t.names
from (values ('New', jsonb '{"tr": "Yeni", "fa": "جدید"}'),
             ('Qualified', jsonb '{"tr": "Nitelikli", "fa": "واجد شرایط"}'),
             ('Proposition', jsonb '{"tr": "Teklif", "fa": "پیشنهاد"}'),
             ('Negotiation', jsonb '{"tr": "Müzakere", "fa": "مذاکره"}'),
             ('Won', jsonb '{"tr": "Kazanıldı", "fa": "موفق"}')) as t (name, names)
where s.name = t.name and s.name_translations = '{}';

update lost_reason r set name_translations = t.names
from (values ('Too expensive', jsonb '{"tr": "Çok pahalı", "fa": "خیلی گران است"}'),
             ('We lack the skills', jsonb '{"tr": "Gereken uzmanlığımız yok", "fa": "مهارت لازم را نداریم"}'),
             ('Not enough stock', jsonb '{"tr": "Stok yetersiz", "fa": "موجودی کافی نیست"}')) as t (name, names)
where r.name = t.name and r.name_translations = '{}';
