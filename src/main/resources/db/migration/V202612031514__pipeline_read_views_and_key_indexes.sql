-- What other modules may read of opportunities: who sells them and their status (the demonstration activities are
-- planned on the demonstration's open opportunities, told by their creator).
create view opportunity_ref as
select id, salesperson, status, created_by from opportunity;

-- Every foreign key has an index led by its columns (SchemaRulesIntegrationTests); see the customers' migration of
-- the same day for why some are partial.
create index lead_customer_fk on lead (customer) where customer is not null;
create index lead_team_fk on lead (team);
create index lead_opportunity_fk on lead (opportunity) where opportunity is not null;
create index opportunity_stage_fk on opportunity (stage);
create index opportunity_lost_reason_fk on opportunity (lost_reason) where lost_reason is not null;
create index opportunity_lead_fk on opportunity (lead) where lead is not null;
create index sales_team_leader_fk on sales_team (leader) where leader is not null;
