-- One row per code of every code list of conf/codelists.
select lista, codice, descrizione, utenza from ref_code
