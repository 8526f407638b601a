-- FLUSSO: expenditure, users' share and health-service share by funding source, per semester, with the distinct
-- beneficiaries. The records are first summed per Ambito, semester, funding source and beneficiary (from
-- fact_service_month, the records already summed per month). Beneficiaries are distinct at each level without
-- joining every beneficiary to the four levels (README, "Distinct persons at every level"): a beneficiary that only
-- one Ambito reports in the semester is counted in that Ambito and added up like the amounts; the few reported by
-- several Ambiti ("condivisi") are kept one by one and counted as distinct persons at each level. Amounts stay
-- decimal(18,2), the type of the records (Spark's sums would widen them).
with per_beneficiary as (
  select codice_ambito, codice_semestre, fonte_finanziamento, pseudonimo,
         sum(spesa_totale) as spesa_totale, sum(quota_utente) as quota_utente, sum(quota_ssn) as quota_ssn
  from fact_service_month
  group by codice_ambito, codice_semestre, fonte_finanziamento, pseudonimo
),
marked as (
  select b.*,
         pseudonimo is not null and min(codice_ambito) over (partition by pseudonimo, codice_semestre)
           <> max(codice_ambito) over (partition by pseudonimo, codice_semestre) as condiviso,
         -- one row per beneficiary and semester, for the total over the funding sources
         pseudonimo is not null and row_number() over (partition by pseudonimo, codice_semestre order by codice_ambito, fonte_finanziamento) = 1 as primo
  from per_beneficiary b
),
compact as (
  select codice_ambito, codice_semestre, fonte_finanziamento, case when condiviso then pseudonimo end as pseudonimo_condiviso,
         sum(spesa_totale) as spesa_totale, sum(quota_utente) as quota_utente, sum(quota_ssn) as quota_ssn,
         count(pseudonimo) as beneficiari, sum(case when primo then 1 else 0 end) as beneficiari_una_volta
  from marked
  group by codice_ambito, codice_semestre, fonte_finanziamento, case when condiviso then pseudonimo end
)
select c.codice_semestre, l.livello, l.territorio, coalesce(c.fonte_finanziamento, 'TOTALE') as fonte_finanziamento,
       cast(sum(c.spesa_totale) as decimal(18,2)) as spesa_totale, cast(sum(c.quota_utente) as decimal(18,2)) as quota_utente,
       cast(sum(c.quota_ssn) as decimal(18,2)) as quota_ssn,
       coalesce(case when grouping(c.fonte_finanziamento) = 0 then sum(case when c.pseudonimo_condiviso is null then c.beneficiari end)
                     else sum(case when c.pseudonimo_condiviso is null then c.beneficiari_una_volta end) end, 0)
         + count(distinct c.pseudonimo_condiviso) as beneficiari
from compact c join livelli l on l.codice_ambito = c.codice_ambito
group by grouping sets ((c.codice_semestre, l.livello, l.territorio, c.fonte_finanziamento), (c.codice_semestre, l.livello, l.territorio))
