-- One row per activity (meeting, training, desk) in its current version.
select _sender as codice_ambito,
       concat(_sender, ':', id_attivita) as chiave_attivita,
       id_attivita, data, tipo_attivita, stato, durata_ore, partecipanti, enti_coinvolti, ets_coinvolti,
       verbalizzata, tema, aggiornato_il, coalesce(_spec_version, '1.0') as versione_tracciato,
       _delivery_id as id_consegna, _line as riga
from csi_attivita
