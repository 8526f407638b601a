-- One row per protected hospital discharge in its current version; waiting days when both dates are known.
with persons as (
  select _sender, id_persona, pseudonimo from csi_persone
),
discharges as (
  select d._sender as codice_ambito,
         concat(d._sender, ':', d.id_dimissione) as chiave_dimissione,
         case when d.id_presa_in_carico is not null then concat(d._sender, ':', d.id_presa_in_carico) end as chiave_caso,
         d.id_dimissione, d.id_persona, p.pseudonimo, d.id_presa_in_carico, d.presidio,
         d.data_segnalazione, d.data_dimissibilita, d.data_dimissione,
         datediff(d.data_dimissione, d.data_dimissibilita) as giorni_attesa,
         d.destinazione, d.bisogno_servizi_sociali, d.servizi_attivati, d.necessita_sad,
         d.integrazione_informativa, d.senza_dimora, d.aggiornato_il,
         d._delivery_id as id_consegna, d._line as riga
  from csi_dimissioni_protette d
  left join persons p on p._sender = d._sender and p.id_persona = d.id_persona
)
select * from discharges
