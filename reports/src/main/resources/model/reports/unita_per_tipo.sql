-- Units and places by type per semester and territory, with the type's description.
select a.codice_semestre, a.livello, a.territorio, a.tipo_unita,
       case when a.tipo_unita = 'TOTALE' then 'Totale' else coalesce(c.descrizione, a.tipo_unita) end as tipologia,
       a.unita, a.posti, a.aperte, a.cessate, a.modificate
from agg_unita a
left join dim_code c on c.lista = 'tipo_unita_afam' and c.codice = a.tipo_unita
