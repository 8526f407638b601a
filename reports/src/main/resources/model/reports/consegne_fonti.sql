-- Deliveries received per semester, sender and source, from the delivery ledger: loaded, rejected and duplicate.
-- The semester is the delivery's period (FLUSSO) or its extraction date (CSI, AFAM), as in agg_qualita. A sender that is
-- not an Ambito (the Region, which sends AFAM for every unit) counts at every territory.
with d as (
  select source, sender, status, coalesce(period_from, to_date(extracted_at)) as data_riferimento
  from ledger_deliveries
),
territories as (
  select codice_ambito as mittente, livello, territorio from livelli
  union all
  select r.sender, t.livello, t.territorio
  from (select distinct sender from ledger_deliveries where sender not in (select codice_ambito from livelli)) r
  cross join (select distinct livello, territorio from livelli) t
)
select s.codice_semestre, l.livello, l.territorio, d.source as fonte,
       count(*) as ricevute,
       sum(case when d.status = 'LOADED' then 1 else 0 end) as caricate,
       sum(case when d.status = 'REJECTED' then 1 else 0 end) as respinte,
       sum(case when d.status = 'DUPLICATE' then 1 else 0 end) as duplicate
from d
join dim_semester s on d.data_riferimento between s.data_inizio and s.data_fine
join territories l on l.mittente = d.sender
group by s.codice_semestre, l.livello, l.territorio, d.source
