-- Cabina, esportazione aperta: three questions in DuckDB, after the views of cabina.sql:
--   duckdb -init cabina.sql < esempi/duckdb.sql
-- The CSV files read the same way: read_csv('agg_spesa.csv', delim = ';', decimal_separator = ',', nullstr = ['', '<3'])

-- 1. Spesa sociale per Ambito e semestre (euro, FLUSSO), con i beneficiari distinti (NULL: meno di 3)
SELECT territorio AS codice_ambito, codice_semestre, spesa_totale, beneficiari, valori_protetti
FROM agg_spesa
WHERE livello = 'AMBITO' AND fonte_finanziamento = 'TOTALE'
ORDER BY ALL;

-- 2. Dimissioni protette per semestre e territorio, con l'attesa mediana (giorni)
SELECT codice_semestre, livello, territorio, dimissioni, giorni_attesa_mediani, valori_protetti
FROM agg_dimissioni
WHERE destinazione = 'TOTALE'
ORDER BY codice_semestre, livello, territorio;

-- 3. Andamento degli indicatori di un'ASST (Valle Olona, 030711) negli anni del triennio
SELECT indicatore, titolo, anno, numeratore, denominatore, valore, stato, valori_protetti
FROM indicator_values
WHERE livello = 'ASST' AND territorio = '030711'
ORDER BY indicatore, anno;
