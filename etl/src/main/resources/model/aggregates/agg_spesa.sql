-- FLUSSO: expenditure, users' share and health-service share by funding source, per semester.
-- The rows are first summed per Ambito, semester, funding source and beneficiary from fact_service_month (see
-- agg_prestazioni.sql).
with per_beneficiary as (
  select codice_ambito, codice_semestre, fonte_finanziamento, pseudonimo,
         sum(spesa_totale) as spesa_totale, sum(quota_utente) as quota_utente, sum(quota_ssn) as quota_ssn
  from fact_service_month
  group by codice_ambito, codice_semestre, fonte_finanziamento, pseudonimo
)
select f.codice_semestre, l.livello, l.territorio, coalesce(f.fonte_finanziamento, 'TOTALE') as fonte_finanziamento,
       sum(f.spesa_totale) as spesa_totale, sum(f.quota_utente) as quota_utente, sum(f.quota_ssn) as quota_ssn,
       count(distinct f.pseudonimo) as beneficiari
from per_beneficiary f join livelli l on l.codice_ambito = f.codice_ambito
group by grouping sets ((f.codice_semestre, l.livello, l.territorio, f.fonte_finanziamento), (f.codice_semestre, l.livello, l.territorio))
