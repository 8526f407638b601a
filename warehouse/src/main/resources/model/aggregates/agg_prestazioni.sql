-- FLUSSO: quantities by service and unit of measure, and distinct beneficiaries, per semester. The records are first
-- summed per Ambito, semester, service, unit and beneficiary (from fact_service_month, the records already summed per
-- month); beneficiaries are distinct at each level as in agg_spesa.sql (README, "Distinct persons at every level").
with per_beneficiary as (
  select codice_ambito, codice_semestre, codice_prestazione, unita_misura, pseudonimo,
         sum(quantita) as quantita, sum(righe) as righe
  from fact_service_month
  group by codice_ambito, codice_semestre, codice_prestazione, unita_misura, pseudonimo
),
marked as (
  select b.*,
         pseudonimo is not null and min(codice_ambito) over (partition by pseudonimo, codice_semestre)
           <> max(codice_ambito) over (partition by pseudonimo, codice_semestre) as condiviso,
         pseudonimo is not null and row_number() over (partition by pseudonimo, codice_semestre order by codice_ambito, codice_prestazione, unita_misura) = 1 as primo
  from per_beneficiary b
),
compact as (
  select codice_ambito, codice_semestre, codice_prestazione, unita_misura, case when condiviso then pseudonimo end as pseudonimo_condiviso,
         sum(quantita) as quantita, sum(righe) as righe,
         count(pseudonimo) as beneficiari, sum(case when primo then 1 else 0 end) as beneficiari_una_volta
  from marked
  group by codice_ambito, codice_semestre, codice_prestazione, unita_misura, case when condiviso then pseudonimo end
)
select c.codice_semestre, l.livello, l.territorio,
       coalesce(c.codice_prestazione, 'TOTALE') as codice_prestazione, coalesce(c.unita_misura, 'TOTALE') as unita_misura,
       case when grouping(c.unita_misura) = 0 then cast(sum(c.quantita) as decimal(18,4)) end as quantita,
       coalesce(case when grouping(c.unita_misura) = 0 then sum(case when c.pseudonimo_condiviso is null then c.beneficiari end)
                     else sum(case when c.pseudonimo_condiviso is null then c.beneficiari_una_volta end) end, 0)
         + count(distinct c.pseudonimo_condiviso) as beneficiari,
       sum(c.righe) as righe
from compact c join livelli l on l.codice_ambito = c.codice_ambito
group by grouping sets ((c.codice_semestre, l.livello, l.territorio, c.codice_prestazione, c.unita_misura),
                        (c.codice_semestre, l.livello, l.territorio))
