-- AFAM units opened, ceased or changed in each semester, one row per unit and event (the events agg_unita counts:
-- dim_unit's aperta, cessata, modificata), with places and type of the version before a change.
with versions as (
  select u.codice_unita, u.versione, u.denominazione, u.tipo_unita, u.posti, u.comune_afam, u.codice_ambito,
         u.valido_dal, u.valido_al, u.cessata, u.aperta, u.modificata,
         lag(u.posti) over (partition by u.codice_unita order by u.versione) as posti_prima,
         lag(u.tipo_unita) over (partition by u.codice_unita order by u.versione) as tipo_prima
  from dim_unit u
),
events as (
  select 'APERTA' as evento, v.valido_dal as data_evento, v.* from versions v where v.aperta
  union all
  select 'MODIFICATA', v.valido_dal, v.* from versions v where v.modificata
  union all
  select 'CESSATA', v.valido_al, v.* from versions v where v.cessata and v.valido_al is not null
)
select s.codice_semestre, l.livello, l.territorio, e.evento, e.data_evento, e.codice_unita, e.denominazione,
       coalesce(c.descrizione, e.tipo_unita) as tipologia, e.comune_afam, e.codice_ambito, e.posti, e.posti_prima,
       coalesce(cp.descrizione, e.tipo_prima) as tipologia_prima
from events e
join dim_semester s on e.data_evento between s.data_inizio and s.data_fine
join livelli l on l.codice_ambito = e.codice_ambito
left join dim_code c on c.lista = 'tipo_unita_afam' and c.codice = e.tipo_unita
left join dim_code cp on cp.lista = 'tipo_unita_afam' and cp.codice = e.tipo_prima
