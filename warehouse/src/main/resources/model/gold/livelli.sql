-- Every current Ambito with each territory it counts in: itself, its ASST, its ATS and the Region. The one roll-up of
-- territories: the indicators (over the Ambiti of the reference) and the semiannual aggregates (also over the Ambiti
-- registered from AFAM names, whose units count in their ASST) both read it.
with current as (
  select codice_ambito, codice_asst, codice_ats, origine = 'RIFERIMENTO' as riferimento from dim_ambito where corrente
),
region as (
  select codice_regione from run_parameters
)
select codice_ambito, 'AMBITO' as livello, codice_ambito as territorio, riferimento from current
union all
select codice_ambito, 'ASST', codice_asst, riferimento from current where codice_asst is not null
union all
select codice_ambito, 'ATS', codice_ats, riferimento from current where codice_ats is not null
union all
select c.codice_ambito, 'REGIONE', r.codice_regione, c.riferimento from current c cross join region r
