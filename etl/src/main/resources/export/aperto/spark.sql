-- Cabina, esportazione aperta: three questions in Spark SQL.
--   V=$(cat /srv/export/aperto/CURRENT); spark-sql -d cabina_export=/srv/export/aperto/$V -f spark.sql
CREATE OR REPLACE TEMPORARY VIEW agg_spesa USING parquet OPTIONS (path '${cabina_export}/agg_spesa.parquet');
CREATE OR REPLACE TEMPORARY VIEW agg_dimissioni USING parquet OPTIONS (path '${cabina_export}/agg_dimissioni.parquet');
CREATE OR REPLACE TEMPORARY VIEW indicator_values USING parquet OPTIONS (path '${cabina_export}/indicator_values.parquet');

-- 1. Spesa sociale per Ambito e semestre (euro), con i beneficiari distinti (NULL: meno di 3)
SELECT territorio AS codice_ambito, codice_semestre, spesa_totale, beneficiari, valori_protetti FROM agg_spesa
WHERE livello = 'AMBITO' AND fonte_finanziamento = 'TOTALE' ORDER BY codice_ambito, codice_semestre;

-- 2. Dimissioni protette per semestre e territorio, con l'attesa mediana (giorni)
SELECT codice_semestre, livello, territorio, dimissioni, giorni_attesa_mediani, valori_protetti FROM agg_dimissioni
WHERE destinazione = 'TOTALE' ORDER BY codice_semestre, livello, territorio;

-- 3. Andamento degli indicatori di un'ASST (030711) negli anni del triennio
SELECT indicatore, titolo, anno, valore, stato, valori_protetti FROM indicator_values
WHERE livello = 'ASST' AND territorio = '030711' ORDER BY indicatore, anno;
