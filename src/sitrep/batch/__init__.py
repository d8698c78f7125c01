"""Large corpora on Dask: documents -> mentions as Parquet partitions (resumable) -> the store.

    stats = run_batch(paths, "out/", workers=4, store=open_store(url))
    stats = run_batch(paths, "out/", scheduler="tcp://10.0.0.5:8786")
    merge_partition(Path("out"), part, store); read_partition(Path("out"), part)
"""
from sitrep.batch.core import (
    BatchError,
    BatchStats,
    PartitionResult,
    extract_partition,
    merge_partition,
    read_partition,
    run_batch,
)

__all__ = ["BatchError", "BatchStats", "PartitionResult", "extract_partition", "merge_partition", "read_partition", "run_batch"]
