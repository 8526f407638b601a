"""Cabina, esportazione riservata: three questions with pandas and pyarrow.

    python esempi/con_pandas.py                 # the version this file belongs to
    CABINA_EXPORT=/srv/export/riservato python con_pandas.py   # the current version (CURRENT) of an export folder

dtype_backend="pyarrow" keeps decimal(18,2) euro exact (a plain read turns them into Python Decimal objects).
"""
import os
from pathlib import Path

import pandas as pd
import pyarrow.dataset as ds

if "CABINA_EXPORT" in os.environ:
    root = Path(os.environ["CABINA_EXPORT"])
    version = root / (root / "CURRENT").read_text().strip()   # resolve once, keep it for the whole analysis
else:
    version = Path(__file__).resolve().parents[1]


def table(name, columns=None, filter=None):
    data = ds.dataset(version / name, format="parquet", partitioning="hive")
    return data.to_table(columns=columns, filter=filter).to_pandas(types_mapper=pd.ArrowDtype)


# 1. Spesa sociale per Ambito e semestre (euro), con i beneficiari distinti
flow = table("fact_service_delivery", ["codice_ambito", "codice_semestre", "spesa_totale", "pseudonimo"])
spesa = flow.groupby(["codice_ambito", "codice_semestre"]).agg(
    spesa_totale=("spesa_totale", "sum"), beneficiari=("pseudonimo", "nunique")).reset_index()
print(spesa.to_string(index=False))

# 2. Persone con dimissioni protette per fascia d'età (età all'anno della dimissione)
discharges = table("fact_discharge", ["pseudonimo", "data_dimissione"]).dropna(subset=["data_dimissione"])
persons = table("dim_person", ["pseudonimo", "anno_nascita"])
d = discharges.merge(persons, on="pseudonimo", how="left")
d["eta"] = pd.to_datetime(d["data_dimissione"].astype("datetime64[ns]")).dt.year - d["anno_nascita"].astype("Int64")
d["fascia_eta"] = pd.cut(d["eta"].astype("float"), [-1, 64, 74, 84, 200], labels=["0-64", "65-74", "75-84", "85 e oltre"])
print(d.groupby("fascia_eta", observed=True).agg(persone=("pseudonimo", "nunique"), dimissioni=("pseudonimo", "size")))

# 3. Andamento degli indicatori di un'ASST (030711) negli anni del triennio
ind = table("indicator_values", filter=(ds.field("livello") == "ASST") & (ds.field("territorio") == "030711"))
print(ind.pivot_table(index=["indicatore", "titolo"], columns="anno", values="valore", aggfunc="first"))
