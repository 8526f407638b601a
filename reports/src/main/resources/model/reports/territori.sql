-- Every territory of the current Ambiti with its name (the code when the reference has none) and the ASST and ATS
-- above it (the region is added in Java).
select 'AMBITO' as livello, codice_ambito as territorio, coalesce(denominazione, codice_ambito) as denominazione,
       codice_asst, codice_ats
from dim_ambito where corrente
union
select 'ASST', codice_asst, coalesce(first(denominazione_asst, true), codice_asst), codice_asst, first(codice_ats, true)
from dim_ambito where corrente and codice_asst is not null group by codice_asst
union
select 'ATS', codice_ats, coalesce(first(denominazione_ats, true), codice_ats), null, codice_ats
from dim_ambito where corrente and codice_ats is not null group by codice_ats
