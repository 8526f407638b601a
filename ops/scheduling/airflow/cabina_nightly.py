"""Cabina nightly on Airflow: the release's cabina-submit on the Spark cluster, the operators mailed on failure.

Copy into the DAGs folder of an Airflow 2 whose workers have the release installed (/opt/cabina/current) and the key
file (/etc/cabina/pseudonym.key, readable by the worker's user only). docs/operations.md, "Airflow".
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.utils.email import send_email

OPERATORS = ["cabina-ops@example.org"]


def notify_failure(context):
    """Mails the operators the attempt that failed; the task log's last line (ESITO: ...) tells 1, 2, 3 or 4 apart."""
    ti = context["task_instance"]
    send_email(
        to=OPERATORS,
        subject=f"Cabina: {ti.dag_id}.{ti.task_id} non riuscito ({context['ds']}, tentativo {ti.try_number})",
        html_content=f"Errore: {context.get('exception')}<br>Log: <a href=\"{ti.log_url}\">{ti.log_url}</a>",
    )


with DAG(
    dag_id="cabina_nightly",
    schedule="30 1 * * *",
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    default_args={
        "retries": 1,
        "retry_delay": timedelta(minutes=20),
        # the first failure too: a partial night (exit 3) fails its attempt, and the retry finds nothing new and succeeds
        "on_retry_callback": notify_failure,
        "on_failure_callback": notify_failure,
    },
) as dag:
    nightly = BashOperator(
        task_id="nightly",
        bash_command="/opt/cabina/current/bin/cabina-submit --master spark://spark-master:7077 "
                     "--executor-memory 4g -- nightly --log-format json",
        # a key file, not the key: templated values are stored and shown by Airflow ("Rendered Template")
        env={"SPARK_HOME": "/opt/spark", "CABINA_CONFIG": "/etc/cabina/cabina.yaml",
             "CABINA_PSEUDONYM_KEY_FILE": "/etc/cabina/pseudonym.key"},
        append_env=True,
        execution_timeout=timedelta(hours=4),
    )
