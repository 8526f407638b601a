-- One row per person (pseudonym) known to CSI or FLUSSO. Attributes come from the most recently
-- updated CSI record of that person in any Ambito (withdrawn records excluded); a person only in FLUSSO has none.
with csi_versions as (
  select pseudonimo, sesso, anno_nascita, cittadinanza, comune_residenza, aggiornato_il,
         row_number() over (partition by pseudonimo order by aggiornato_il desc, _extracted_at desc, _sender desc, _line desc) as rn
  from csi_persone
),
csi as (
  select * from csi_versions where rn = 1
),
flusso as (
  -- a FLUSSO row without a named beneficiary (extracts.md §6, 1.1) is no person
  select distinct pseudonimo from fact_service_month where pseudonimo is not null
)
select coalesce(c.pseudonimo, f.pseudonimo) as pseudonimo, c.sesso, c.anno_nascita, c.cittadinanza, c.comune_residenza,
       c.pseudonimo is not null as presente_in_csi,
       f.pseudonimo is not null as presente_in_flusso
from csi c
full join flusso f on f.pseudonimo = c.pseudonimo
