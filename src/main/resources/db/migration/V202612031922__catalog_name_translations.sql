-- The seeded units, and categories, read in Turkish and Persian too (platform.TranslatedNames): names by language
-- beside the name. Units that still carry the English name they were seeded with get the translations; a unit
-- someone renamed keeps the name they gave it.
alter table unit_of_measure add column name_translations jsonb not null default '{}';
alter table product_category add column name_translations jsonb not null default '{}';

update unit_of_measure u set name_translations = t.names
from (values ('PCS', 'Piece', jsonb '{"tr": "Adet", "fa": "عدد"}'),
             ('KG', 'Kilogram', jsonb '{"tr": "Kilogram", "fa": "کیلوگرم"}'),
             ('M', 'Metre', jsonb '{"tr": "Metre", "fa": "متر"}'),
             ('L', 'Litre', jsonb '{"tr": "Litre", "fa": "لیتر"}'),
             ('H', 'Hour', jsonb '{"tr": "Saat", "fa": "ساعت"}'),
             ('BOX12', 'Box of 12', jsonb '{"tr": "12''li kutu", "fa": "جعبهٔ ۱۲تایی"}'),
             ('PAIR', 'Pair', jsonb '{"tr": "Çift", "fa": "جفت"}'),
             ('G', 'Gram', jsonb '{"tr": "Gram", "fa": "گرم"}'),
             ('T', 'Tonne', jsonb '{"tr": "Ton", "fa": "تن"}'),
             ('CM', 'Centimetre', jsonb '{"tr": "Santimetre", "fa": "سانتی‌متر"}'),
             ('ML', 'Millilitre', jsonb '{"tr": "Mililitre", "fa": "میلی‌لیتر"}')) as t (code, name, names)
where u.code = t.code and u.name = t.name and u.name_translations = '{}';
