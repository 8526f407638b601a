"""An independent reader's check of an analysts' export (pyarrow and pandas, not Cabina's code nor DuckDB).

    python3 ops/export/check_export.py data/export/riservato data/export/aperto

For the version CURRENT names in each folder: every data file the manifest lists exists with its bytes and no other
is there; no Parquet column is INT96 and no decimal is wider than 18 digits; timestamps are INT64 microseconds
adjusted to UTC; every table's rows and Arrow types match the manifest's schema; the open export's CSV files read
with ';' and the decimal comma give the Parquet files' rows and amounts. Exits 1 on the first list of problems.
"""
import json
import sys
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

SPARK_TO_ARROW = {"string": pa.string(), "int": pa.int32(), "bigint": pa.int64(), "double": pa.float64(),
                  "boolean": pa.bool_(), "date": pa.date32(), "timestamp": pa.timestamp("us", tz="UTC")}


def arrow_type(spark):
    if spark.startswith("decimal("):
        p, s = spark[8:-1].split(",")
        return pa.decimal128(int(p), int(s))
    if spark.startswith("array<"):
        return pa.list_(arrow_type(spark[6:-1]))
    return SPARK_TO_ARROW[spark]


def check(folder, problems):
    folder = Path(folder)
    version = folder / (folder / "CURRENT").read_text().strip()
    manifest = json.loads((version / "_manifest.json").read_text())
    listed = {f["path"]: f["bytes"] for t in manifest["tables"] for f in t["files"]}
    on_disk = {str(p.relative_to(version)) for p in version.rglob("*")
               if p.suffix in (".parquet", ".csv") and not p.name.startswith((".", "_"))}
    if set(listed) != on_disk:
        problems.append(f"{version}: files not as listed: {sorted(set(listed) ^ on_disk)}")
    for path, size in listed.items():
        if (version / path).stat().st_size != size:
            problems.append(f"{path}: {size} bytes listed, {(version / path).stat().st_size} on disk")
        if not path.endswith(".parquet"):
            continue
        schema = pq.read_metadata(version / path).schema
        for i in range(len(schema)):
            col = schema.column(i)
            if col.physical_type == "INT96":
                problems.append(f"{path}: {col.path} is INT96")
            logical = col.logical_type
            if logical.type == "DECIMAL" and json.loads(logical.to_json())["precision"] > 18:
                problems.append(f"{path}: {col.path} is {logical}")
            if logical.type == "TIMESTAMP":
                t = json.loads(logical.to_json())
                if col.physical_type != "INT64" or not t["isAdjustedToUTC"] or t["timeUnit"] != "microseconds":
                    problems.append(f"{path}: {col.path} is {col.physical_type} {logical}")
    for table in manifest["tables"]:
        parquet = [version / f["path"] for f in table["files"] if f["path"].endswith(".parquet")]
        data = ds.dataset(parquet if table["name"] + ".parquet" in listed else version / table["name"],
                          format="parquet", partitioning="hive" if table["partitioned_by"] else None).to_table()
        if data.num_rows != table["rows"]:
            problems.append(f"{table['name']}: {data.num_rows} rows, manifest {table['rows']}")
        for field in table["schema"]:
            got = data.schema.field(field["name"]).type
            want = arrow_type(field["type"])
            # Hive partition values are read back as the smallest fitting integer
            if got != want and not (field["name"] in table["partitioned_by"] and pa.types.is_integer(got)):
                problems.append(f"{table['name']}.{field['name']}: {got}, documented {field['type']}")
        csv = version / (table["name"] + ".csv")
        if csv.exists():
            frame = pd.read_csv(csv, sep=";", decimal=",", na_values=["<3"], keep_default_na=False, dtype=str, encoding="utf-8")
            if len(frame) != table["rows"]:
                problems.append(f"{csv.name}: {len(frame)} rows, manifest {table['rows']}")
            for field in table["schema"]:
                if field["type"].startswith("decimal"):
                    from_csv = sum(Decimal(v.replace(",", ".")) for v in frame[field["name"]] if v)
                    from_parquet = sum((v for v in data.column(field["name"]).to_pylist() if v is not None), Decimal(0))
                    if from_csv != from_parquet:
                        problems.append(f"{csv.name}.{field['name']}: {from_csv} in CSV, {from_parquet} in Parquet")
    return version, len(manifest["tables"]), len(listed)


if __name__ == "__main__":
    problems = []
    for folder in sys.argv[1:]:
        version, tables, files = check(folder, problems)
        print(f"{version}: {tables} tables, {files} files checked")
    for p in problems:
        print("PROBLEM", p)
    print("OK" if not problems else f"{len(problems)} problems")
    sys.exit(1 if problems else 0)
