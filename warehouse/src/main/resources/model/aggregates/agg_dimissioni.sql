-- Protected discharges made in the semester by destination, with mean and median waiting days.
-- A discharge is one row of fact_discharge and falls in one semester: a plain count.
with discharges as (
  select d.codice_ambito, coalesce(d.destinazione, 'NON_INDICATA') as destinazione, d.giorni_attesa,
         s.codice_semestre
  from fact_discharge d join semestri s on d.data_dimissione between s.data_inizio and s.data_fine
)
select codice_semestre, l.livello, l.territorio, coalesce(destinazione, 'TOTALE') as destinazione,
       count(*) as dimissioni,
       avg(giorni_attesa) as giorni_attesa_medi,
       median(giorni_attesa) as giorni_attesa_mediani
from discharges d join livelli l on l.codice_ambito = d.codice_ambito
group by grouping sets ((codice_semestre, l.livello, l.territorio, destinazione), (codice_semestre, l.livello, l.territorio))
