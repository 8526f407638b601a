-- One row per ISTAT comune of Lombardy with its Ambito, ASST and ATS (null where the reference assigns none).
-- History (valido_dal / valido_al) is kept by ModelBuilder.
with membership as (
  select codice_istat, codice_ambito from ref_ambito_comune
),
comuni as (
  select c.codice_istat, c.denominazione, c.sigla_provincia, m.codice_ambito
  from ref_comune c left join membership m on m.codice_istat = c.codice_istat
)
select c.codice_istat, c.denominazione, c.sigla_provincia,
       c.codice_ambito, a.denominazione as denominazione_ambito,
       a.codice_asst, a.denominazione_asst, a.codice_ats, a.denominazione_ats
from comuni c
left join ref_ambito_current a on a.codice_ambito = c.codice_ambito
