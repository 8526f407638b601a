-- Units and places by type per semester and territory. Types are shown by their description, and codes that share
-- one (the registry spells some types two ways) are added together: a unit has one type, so sums stay exact.
with typed as (
  select a.*, a.tipo_unita = 'TOTALE' as totale,
         case when a.tipo_unita = 'TOTALE' then 'Totale' else coalesce(c.descrizione, a.tipo_unita) end as tipologia
  from agg_unita a
  left join dim_code c on c.lista = 'tipo_unita_afam' and c.codice = a.tipo_unita
)
select codice_semestre, livello, territorio, case when totale then 'TOTALE' else min(tipo_unita) end as tipo_unita,
       tipologia, sum(unita) as unita, sum(posti) as posti, sum(aperte) as aperte, sum(cessate) as cessate,
       sum(modificate) as modificate
from typed
group by codice_semestre, livello, territorio, totale, tipologia
