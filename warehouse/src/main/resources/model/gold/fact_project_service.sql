-- One row per project and service it includes (servizi).
with services as (
  select codice_ambito, chiave_progetto, explode(servizi) as servizio from fact_project
)
select distinct codice_ambito, chiave_progetto, servizio from services
