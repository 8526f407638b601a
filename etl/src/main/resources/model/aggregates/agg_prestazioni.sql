-- FLUSSO: quantities by service and unit of measure, and distinct beneficiaries, per semester.
-- The rows are first summed per Ambito, semester, service, unit and beneficiary (from fact_service_month, the
-- records already summed per month): every level only adds these up (a beneficiary stays one), so the roll-up to
-- the four levels reads one row per beneficiary and service instead of one per reported month or week.
with per_beneficiary as (
  select codice_ambito, codice_semestre, codice_prestazione, unita_misura, pseudonimo,
         sum(quantita) as quantita, sum(righe) as righe
  from fact_service_month
  group by codice_ambito, codice_semestre, codice_prestazione, unita_misura, pseudonimo
)
select f.codice_semestre, l.livello, l.territorio,
       coalesce(f.codice_prestazione, 'TOTALE') as codice_prestazione, coalesce(f.unita_misura, 'TOTALE') as unita_misura,
       case when grouping(f.unita_misura) = 0 then sum(f.quantita) end as quantita,
       count(distinct f.pseudonimo) as beneficiari,
       sum(f.righe) as righe
from per_beneficiary f join livelli l on l.codice_ambito = f.codice_ambito
group by grouping sets ((f.codice_semestre, l.livello, l.territorio, f.codice_prestazione, f.unita_misura),
                        (f.codice_semestre, l.livello, l.territorio))
