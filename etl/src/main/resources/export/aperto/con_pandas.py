"""Cabina, esportazione aperta: three questions with pandas (Parquet through pyarrow, or the CSV files).

    python esempi/con_pandas.py                               # the version this file belongs to
    CABINA_EXPORT=/srv/export/aperto python con_pandas.py      # the current version (CURRENT) of an export folder
"""
import os
from pathlib import Path

import pandas as pd

if "CABINA_EXPORT" in os.environ:
    root = Path(os.environ["CABINA_EXPORT"])
    version = root / (root / "CURRENT").read_text().strip()
else:
    version = Path(__file__).resolve().parents[1]

# 1. Spesa sociale per Ambito e semestre (euro), con i beneficiari distinti (NA: meno di 3)
spesa = pd.read_parquet(version / "agg_spesa.parquet", dtype_backend="pyarrow")
print(spesa.query("livello == 'AMBITO' and fonte_finanziamento == 'TOTALE'")
      [["territorio", "codice_semestre", "spesa_totale", "beneficiari", "valori_protetti"]].to_string(index=False))

# 2. Dimissioni protette per semestre e territorio (the CSV: ';', decimal comma, '<3' for a hidden count)
dimissioni = pd.read_csv(version / "agg_dimissioni.csv", sep=";", decimal=",", na_values=["<3"], keep_default_na=False)
print(dimissioni[dimissioni["destinazione"] == "TOTALE"]
      [["codice_semestre", "livello", "territorio", "dimissioni", "giorni_attesa_mediani"]].to_string(index=False))

# 3. Andamento degli indicatori di un'ASST (030711) negli anni del triennio
ind = pd.read_parquet(version / "indicator_values.parquet", dtype_backend="pyarrow")
asst = ind[(ind["livello"] == "ASST") & (ind["territorio"] == "030711")]
print(asst.pivot_table(index=["indicatore", "titolo"], columns="anno", values="valore", aggfunc="first"))
