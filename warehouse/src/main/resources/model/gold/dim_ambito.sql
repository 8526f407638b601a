-- The Ambiti as of this run: those of the territory reference, plus those that only the AFAM registry names
-- (registered from the AFAM name under the ASST and ATS the registry declares for them).
-- History (valido_dal / valido_al) is kept by ModelBuilder: a changed attribute closes the old version.
with reference as (
  select a.codice_ambito, a.denominazione, a.codice_asst, a.codice_ats, 'RIFERIMENTO' as origine
  from ref_ambito a
),
afam_names as (
  select afam_ambito(AMBITO) as codice_ambito, AMBITO as nome_afam, CODICE_ASST as codice_asst, CODICE_ATS as codice_ats,
         count(*) as unita
  from afam_unita_offerta
  where AMBITO is not null
  group by afam_ambito(AMBITO), AMBITO, CODICE_ASST, CODICE_ATS
),
afam_only as (
  select codice_ambito, nome_afam, codice_asst, codice_ats,
         row_number() over (partition by codice_ambito order by unita desc, nome_afam, codice_asst) as rn
  from afam_names
  where codice_ambito not in (select codice_ambito from reference)
),
registered as (
  select codice_ambito, initcap(nome_afam) as denominazione, codice_asst, codice_ats, 'AFAM' as origine
  from afam_only where rn = 1
),
ambiti as (
  select * from reference union all select * from registered
)
select a.codice_ambito, a.denominazione,
       a.codice_asst, asst.denominazione as denominazione_asst,
       a.codice_ats, ats.denominazione as denominazione_ats,
       a.origine
from ambiti a
left join ref_authority asst on asst.codice = a.codice_asst
left join ref_authority ats on ats.codice = a.codice_ats
