-- When data was last loaded, and the last finished run with its outcome.
select (select max(processed_at) from ledger_deliveries where status = 'LOADED') as ultimo_caricamento,
       r.run_id, r.at as finito_il, r.as_of, r.rejected
from (select * from ledger_runs where status = 'FINISHED' order by at desc limit 1) r
right join (select 1) one on true
