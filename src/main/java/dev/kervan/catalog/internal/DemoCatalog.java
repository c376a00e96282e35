package dev.kervan.catalog.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * With {@code --demo}: a catalog of three hundred products — serial-numbered appliances with a two-year
 * warranty, food kept in lots with a shelf life, spare parts with minimum and maximum stock and suppliers, and
 * services — in a small category tree, some named in Persian too, and a campaign price list. Loaded once.
 */
@Component
@Order(40)
@ConditionalOnBooleanProperty("kervan.demo")
class DemoCatalog implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

	private final JdbcClient jdbc;
	private final Products products;
	private final Clock clock;

	DemoCatalog(JdbcClient jdbc, Products products, Clock clock) {
		this.jdbc = jdbc;
		this.products = products;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments arguments) {
		if (jdbc.sql("select count(*) from product where created_by = 'demo'").query(Long.class).single() > 0) {
			return;
		}
		jdbc.sql("""
				insert into product_category (parent, name, name_translations) values
				  (null, 'Beyaz eşya', '{"en": "White goods", "fa": "لوازم خانگی"}'),
				  (null, 'Gıda', '{"en": "Food", "fa": "مواد غذایی"}'),
				  (null, 'Yedek parça', '{"en": "Spare parts", "fa": "قطعات یدکی"}'),
				  (null, 'Hizmet', '{"en": "Services", "fa": "خدمات"}') on conflict do nothing""").update();
		jdbc.sql("""
				insert into product_category (parent, name, name_translations)
				select id, child.name, child.names
				from product_category, (values ('Buzdolabı', jsonb '{"en": "Refrigerators", "fa": "یخچال"}'),
				  ('Çamaşır makinesi', jsonb '{"en": "Washing machines", "fa": "ماشین لباسشویی"}'),
				  ('Bulaşık makinesi', jsonb '{"en": "Dishwashers", "fa": "ماشین ظرفشویی"}')) as child (name, names)
				where product_category.name = 'Beyaz eşya' and parent is null on conflict do nothing""").update();
		int appliances = jdbc.sql("""
				insert into product (code, name, translations, category, unit, brand, model, vat_rate, sale_price, standard_cost,
				  currency, tracking, warranty_length, warranty_unit, min_stock, max_stock, weight_kg, sales_account,
				  purchase_account, created_by)
				select 'BE-' || lpad(i::text, 4, '0'),
				       (array['Buzdolabı No Frost', 'Çamaşır Makinesi 9 kg', 'Bulaşık Makinesi 5 programlı'])[1 + i % 3] || ' ' || (400 + i),
				       jsonb_build_object('fa', (array['یخچال نوفراست', 'ماشین لباسشویی ۹ کیلویی', 'ماشین ظرفشویی'])[1 + i % 3] || ' ' || (400 + i)),
				       (select id from product_category where name = (array['Buzdolabı', 'Çamaşır makinesi', 'Bulaşık makinesi'])[1 + i % 3]),
				       (select id from unit_of_measure where code = 'PCS'),
				       (array['Anadolu', 'Pars', 'Kervan Home'])[1 + i % 3], 'M' || (400 + i), 20,
				       18000 + i * 350, 13000 + i * 250, 'TRY', 'SERIAL', 2, 'YEARS', 2, 12, 55 + i % 20, '600.01', '153.01', 'demo'
				from generate_series(1, 40) as i""").update();
		int food = jdbc.sql("""
				insert into product (code, name, translations, category, unit, brand, vat_rate, sale_price, standard_cost, currency,
				  tracking, shelf_life_days, min_stock, max_stock, created_by)
				select 'GD-' || lpad(i::text, 4, '0'),
				       (array['Zeytinyağı 1 L', 'Beyaz peynir 500 g', 'Fındık ezmesi 350 g', 'Pekmez 800 g', 'Safran 2 g'])[1 + i % 5] || ' #' || i,
				       case when i % 5 = 4 then jsonb_build_object('fa', 'زعفران ۲ گرمی #' || i) else '{}' end,
				       (select id from product_category where name = 'Gıda'), (select id from unit_of_measure where code = 'PCS'),
				       (array['Ege', 'Trakya', 'Karadeniz', 'Malatya', 'Khorasan'])[1 + i % 5], 1, 90 + i * 3, 60 + i * 2, 'TRY', 'LOT',
				       180, 50, 400, 'demo'
				from generate_series(1, 60) as i""").update();
		int parts = jdbc.sql("""
				insert into product (code, name, category, unit, brand, manufacturer_code, vat_rate, sale_price, standard_cost, currency,
				  tracking, min_stock, max_stock, created_by)
				select 'YP-' || lpad(i::text, 4, '0'),
				       (array['Kompresör rölesi', 'Kapı contası', 'Pompa motoru', 'Rezistans 2000 W', 'Kontrol kartı', 'Termostat'])[1 + i % 6]
				         || ' ' || (100 + i),
				       (select id from product_category where name = 'Yedek parça'),
				       (select id from unit_of_measure where code = case when i % 10 = 0 then 'BOX12' else 'PCS' end),
				       (array['Anadolu', 'Pars', 'Kervan Home'])[1 + i % 3], 'MC-' || (5000 + i), 20, 150 + i * 4, 90 + i * 3, 'TRY',
				       'NONE', 5 + i % 10, 40 + i % 30, 'demo'
				from generate_series(1, 180) as i""").update();
		int services = jdbc.sql("""
				insert into product (code, name, translations, kind, category, unit, vat_rate, sale_price, currency, created_by)
				select 'HZ-' || lpad(i::text, 4, '0'),
				       (array['Kurulum', 'Periyodik bakım', 'Yerinde servis', 'Uzatılmış garanti 1 yıl'])[1 + i % 4] || ' ' || i,
				       jsonb_build_object('fa', (array['نصب', 'سرویس دوره‌ای', 'سرویس در محل', 'ضمانت تمدیدی یک‌ساله'])[1 + i % 4] || ' ' || i),
				       'SERVICE', (select id from product_category where name = 'Hizmet'), (select id from unit_of_measure where code = 'H'),
				       20, 750 + i * 50, 'TRY', 'demo'
				from generate_series(1, 20) as i""").update();
		List<Long> ids = jdbc.sql("select id from product where created_by = 'demo'").query(Long.class).list();
		for (long id : ids) {
			jdbc.sql("""
					insert into product_barcode (barcode, product)
					select digits || ((10 - (sum % 10)) % 10)::text, ?
					from (select d.digits, (select sum(substr(d.digits, k, 1)::int * case when k % 2 = 0 then 3 else 1 end)
					                        from generate_series(1, 12) k) as sum
					      from (select '869' || lpad(cast(? as text), 9, '0') as digits) d) x
					on conflict do nothing""")
				.params(id, id)
				.update();
			products.refreshSearchText(id);
		}
		jdbc.sql("""
				insert into product_link (product, other, kind)
				select a.id, b.id, 'ALTERNATIVE' from product a join product b on b.code = 'YP-' || lpad((substr(a.code, 4)::int + 6)::text, 4, '0')
				where a.code like 'YP-%' and a.created_by = 'demo' and substr(a.code, 4)::int <= 30
				union all
				select b.id, a.id, 'ALTERNATIVE' from product a join product b on b.code = 'YP-' || lpad((substr(a.code, 4)::int + 6)::text, 4, '0')
				where a.code like 'YP-%' and a.created_by = 'demo' and substr(a.code, 4)::int <= 30
				on conflict do nothing""").update();
		jdbc.sql("""
				insert into product_supplier (product, supplier, supplier_code, price, currency, lead_days, min_quantity, preferred)
				select p.id, s.id, 'S-' || p.code, p.standard_cost, 'TRY', 3 + p.id % 20, 10, true
				from product p cross join lateral (select id from customer_ref where is_supplier order by id limit 1) s
				where p.created_by = 'demo' and p.kind = 'GOOD'
				on conflict do nothing""").update();
		jdbc.sql("""
				insert into competitor (name) values ('Rakip Ticaret'), ('Ucuz Market') on conflict do nothing""").update();
		jdbc.sql("""
				insert into competitor_price (product, competitor, price, currency, observed_on, created_by)
				select p.id, c.id, p.sale_price * (0.9 + (m * 0.04) + (c.id % 2) * 0.03), 'TRY', cast(:today as date) - m * 30, 'demo'
				from product p cross join competitor c cross join generate_series(0, 3) m
				where p.created_by = 'demo' and p.code like 'BE-%'""")
			.param("today", LocalDate.now(clock))
			.update();
		long list = jdbc.sql("""
				insert into price_list (name, currency, valid_from, notes) values ('Kış kampanyası', 'TRY', cast(:today as date) - 7,
				  'Beyaz eşyada %10, 5 adet ve üzeri yedek parçada %15') on conflict do nothing returning id""")
			.param("today", LocalDate.now(clock))
			.query(Long.class)
			.optional()
			.orElse(0L);
		if (list > 0) {
			jdbc.sql("""
					insert into price_rule (price_list, category, type, value, min_quantity)
					select ?, id, 'PERCENT_OFF', 10, 0 from product_category where name = 'Beyaz eşya' and parent is null
					union all
					select ?, id, 'PERCENT_OFF', 15, 5 from product_category where name = 'Yedek parça' and parent is null""")
				.params(list, list)
				.update();
		}
		log.info("Demo data: {} appliances, {} foods, {} spare parts, {} services", appliances, food, parts, services);
	}
}
