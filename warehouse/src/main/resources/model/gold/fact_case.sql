-- One row per case (presa in carico) in its current version. A case belongs to the Ambito that sent it.
with persons as (
  select _sender, id_persona, pseudonimo from csi_persone
),
cases as (
  select c._sender as codice_ambito,
         concat(c._sender, ':', c.id_presa_in_carico) as chiave_caso,
         c.id_presa_in_carico, c.id_persona, p.pseudonimo,
         c.comune_competenza, c.area_utenza, c.canale_accesso,
         c.data_apertura, c.data_chiusura, c.motivo_chiusura,
         c.condizione_complessa, c.integrata_asst, c.vittima_violenza, c.aggiornato_il,
         coalesce(c._spec_version, '1.0') as versione_tracciato,
         c._delivery_id as id_consegna, c._line as riga
  from csi_prese_in_carico c
  left join persons p on p._sender = c._sender and p.id_persona = c.id_persona
)
select * from cases
