-- Assessments made in the semester by type and measure, and how many were joint with the ASST.
-- An assessment is one row of fact_assessment and falls in one semester: counted per Ambito first, then added up.
with assessments as (
  select a.codice_ambito, a.tipo_valutazione, a.misura, coalesce(a.congiunta_asst, false) as congiunta, s.codice_semestre
  from fact_assessment a join semestri s on a.data_valutazione between s.data_inizio and s.data_fine
),
per_ambito as (
  select codice_ambito, codice_semestre, tipo_valutazione, misura,
         count(*) as valutazioni, sum(case when congiunta then 1 else 0 end) as congiunte_asst
  from assessments
  group by codice_ambito, codice_semestre, tipo_valutazione, misura
)
select codice_semestre, l.livello, l.territorio,
       coalesce(tipo_valutazione, 'TOTALE') as tipo_valutazione, coalesce(misura, 'TOTALE') as misura,
       sum(valutazioni) as valutazioni,
       sum(congiunte_asst) as congiunte_asst,
       cast(sum(congiunte_asst) as double) * 100 / sum(valutazioni) as quota_congiunte
from per_ambito a join livelli l on l.codice_ambito = a.codice_ambito
group by grouping sets ((codice_semestre, l.livello, l.territorio, tipo_valutazione, misura),
                        (codice_semestre, l.livello, l.territorio, tipo_valutazione),
                        (codice_semestre, l.livello, l.territorio))
