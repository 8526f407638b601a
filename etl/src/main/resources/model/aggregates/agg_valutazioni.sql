-- Assessments made in the semester by type and measure, and how many were joint with the ASST.
with assessments as (
  select a.codice_ambito, a.chiave_valutazione, a.tipo_valutazione, a.misura, coalesce(a.congiunta_asst, false) as congiunta,
         s.codice_semestre
  from fact_assessment a join semestri s on a.data_valutazione between s.data_inizio and s.data_fine
)
select codice_semestre, l.livello, l.territorio,
       coalesce(tipo_valutazione, 'TOTALE') as tipo_valutazione, coalesce(misura, 'TOTALE') as misura,
       count(distinct chiave_valutazione) as valutazioni,
       count(distinct case when congiunta then chiave_valutazione end) as congiunte_asst,
       count(distinct case when congiunta then chiave_valutazione end) * 100.0 / count(distinct chiave_valutazione) as quota_congiunte
from assessments a join livelli l on l.codice_ambito = a.codice_ambito
group by grouping sets ((codice_semestre, l.livello, l.territorio, tipo_valutazione, misura),
                        (codice_semestre, l.livello, l.territorio, tipo_valutazione),
                        (codice_semestre, l.livello, l.territorio))
